/// <reference types="@tarojs/taro" />

declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform this bundle was built for. */
    TARO_ENV: 'weapp' | 'h5';
    /** API base URL including the `/api` prefix, injected at build time by config/index.ts. */
    TARO_APP_API_BASE: string;
  }
}
