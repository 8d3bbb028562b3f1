import { useEffect, useId } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PRIVACY_ITEMS } from '@jingcai/shared';
import {
  openPrivacyGuide,
  PRIVACY_AGREE_BUTTON_ID,
  privacyAgreed,
  privacyPopupShown,
  privacyRefused,
  usePrivacyRequest,
} from '../../services/privacy';
import { keepConsentInStep } from '../../services/users';
import './index.css';

/**
 * Our own words in place of WeChat's generic privacy popup. It shows while WeChat holds a privacy-gated call
 * for the worker's agreement (services/privacy.ts). A page on which such a call can happen renders one:
 * WeChat wants the agree button on the page the worker is looking at.
 */
export default function PrivacyPopup() {
  const request = usePrivacyRequest();
  const titleId = useId();

  useEffect(() => {
    if (request) privacyPopupShown();
  }, [request]);

  if (!request) return null;

  const agree = () => {
    privacyAgreed();
    // Agreeing here is agreeing to our privacy policy too: our own record follows.
    void keepConsentInStep();
  };

  return (
    // `role`, not WeChat's `aria-role`, which is no ARIA attribute (a browser saw no dialog; axe aria-valid-attr).
    // Taro's H5 writes `role` and `aria-*` out as given; its WeChat template (Taro 4.2.1) writes neither on a
    // view, so WeChat loses nothing. Modal: the page behind waits for the answer.
    <View className='privacy-popup' role='dialog' aria-modal='true' aria-labelledby={titleId}>
      <View className='privacy-popup__panel'>
        <Text id={titleId} className='privacy-popup__title'>
          隐私保护提示
        </Text>
        {request.item && (
          <Text className='privacy-popup__need'>
            本次操作需要使用你的{request.item.wechatItem}，用于{request.item.purpose}。
          </Text>
        )}
        <Text className='privacy-popup__text'>
          请阅读并同意《用户隐私保护指引》和《京彩职工隐私政策》。同意后，我们仅在你使用对应功能时处理以下信息：
        </Text>
        {PRIVACY_ITEMS.map((item) => (
          <Text key={item.key} className='privacy-popup__item'>
            · {item.wechatItem}：{item.purpose}
          </Text>
        ))}
        <Text className='privacy-popup__link' role='link' onClick={openPrivacyGuide}>
          阅读《用户隐私保护指引》
        </Text>
        <Button
          id={PRIVACY_AGREE_BUTTON_ID}
          block
          type='primary'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={agree}
        >
          同意
        </Button>
        <Button block fill='none' onClick={privacyRefused}>
          拒绝
        </Button>
        <Text className='privacy-popup__hint'>拒绝后该功能暂不可用，你可以稍后再次使用时重新选择。</Text>
      </View>
    </View>
  );
}
