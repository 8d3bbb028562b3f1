/** Codes WeChat hands the mini-program (wx.login, getPhoneNumber): printable ASCII, no spaces. */
export const WECHAT_CODE_PATTERN = /^[\x21-\x7e]+$/;
