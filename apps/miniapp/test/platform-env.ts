/** Runs `action` as the WeChat build would (platform checks in services read TARO_ENV when called). */
export async function onWechat<T>(action: () => T | Promise<T>): Promise<T> {
  process.env.TARO_ENV = 'weapp';
  try {
    return await action();
  } finally {
    process.env.TARO_ENV = 'h5';
  }
}
