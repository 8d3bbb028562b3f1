import Taro from '@tarojs/taro';
import { listenForPrivacyRequests } from '../src/services/privacy';

const NOT_AUTHORIZED = { errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized', errno: 104 };

/**
 * WeChat's privacy gate for a worker who has not agreed yet, as the base library plays it: a gated call (here
 * `requirePrivacyAuthorize`) raises the app's `onNeedPrivacyAuthorization` listener and stays pending until
 * the listener's `resolve` says agree (it then succeeds, and so does every later one) or disagree (it fails
 * with WeChat's English message). `agree` is accepted only with the agree button's id, as WeChat checks.
 * Call it inside `onWechat` (test/platform-env.ts), where the app registers its listener.
 */
export function privacyNotYetAgreed(): { isAgreed: () => boolean; asked: jest.SpyInstance } {
  let agreed = false;
  let listener: Taro.onNeedPrivacyAuthorization.Listener | undefined;
  jest.spyOn(Taro, 'onNeedPrivacyAuthorization').mockImplementation((registered) => {
    listener = registered;
  });
  const asked = jest.spyOn(Taro, 'requirePrivacyAuthorize').mockImplementation((option = {}) => {
    if (agreed) return option.success?.({ errMsg: 'requirePrivacyAuthorize:ok' });
    if (!listener) return option.fail?.(NOT_AUTHORIZED);
    listener(
      ({ event, buttonId }) => {
        if (event === 'agree' && buttonId) {
          agreed = true;
          option.success?.({ errMsg: 'requirePrivacyAuthorize:ok' });
        }
        if (event === 'disagree') option.fail?.(NOT_AUTHORIZED);
      },
      { referrer: 'requirePrivacyAuthorize' },
    );
  });
  jest.spyOn(Taro, 'getPrivacySetting').mockImplementation((option = {}) => {
    option.success?.({ needAuthorization: !agreed, privacyContractName: '《京彩职工隐私保护指引》', errMsg: 'getPrivacySetting:ok' });
  });
  listenForPrivacyRequests();
  return { isAgreed: () => agreed, asked };
}
