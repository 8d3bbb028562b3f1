import type { BaseTouchEvent, ITouchEvent } from '@tarojs/components/types/common';

// Taro's H5 components write any `role` out to the page, and our tappable `Text` and `Image` elements need one
// (ESLint jingcai/tap-needs-role); Taro's types declare `role` on `View` only (for Alipay).
declare module '@tarojs/components/types/common' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any -- Taro's own type parameters, repeated as TypeScript requires
  interface StandardProps<T = any, TouchEvent extends BaseTouchEvent<any> = ITouchEvent> {
    role?: string;
  }
}
