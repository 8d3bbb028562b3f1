/**
 * Where upload bytes live: LocalDiskStorage or ObjectStorage, picked in UploadsModule (STORAGE_DRIVER).
 * Callers depend on this abstract class only (it is also the DI token).
 *
 * Keys are relative, `/`-separated paths such as `2026/11/<id>.jpg`; implementations refuse anything
 * that could escape their root.
 */
export abstract class FileStorage {
  abstract put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  abstract get(key: string): Promise<Buffer | null>;
  /** Removes the object; a missing one is not an error. */
  abstract delete(key: string): Promise<void>;
}

const KEY_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/** Throws unless `key` is a plain relative path: no `..`, no absolute path, no backslashes or empty parts. */
export function assertSafeKey(key: string): void {
  const segments = key.split('/');
  if (key.length > 255 || segments.some((s) => !KEY_SEGMENT.test(s) || s.includes('..'))) {
    throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
  }
}
