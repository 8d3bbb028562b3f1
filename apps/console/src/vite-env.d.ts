/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The API base URL baked into the build, e.g. `http://127.0.0.1:3000/api`. */
  readonly VITE_API_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
