import type { SavedFile } from './save-file';

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** In a browser the file downloads (the WeChat build takes `save-file.ts`). */
export function saveFile(bytes: ArrayBuffer, name: string, fileType: 'xlsx'): Promise<SavedFile> {
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[fileType] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return Promise.resolve('downloaded');
}
