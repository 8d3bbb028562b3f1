import { useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PRIVACY_POLICY_VERSION, shanghaiDay } from '@jingcai/shared';
import { scrollRegion } from '../../a11y';
import { goAfterConsent } from '../../navigation';
import { ROUTES } from '../../routes';
import { logout } from '../../services/auth';
import { onWechat, PRIVACY_AGREE_BUTTON_ID, privacyAgreed } from '../../services/privacy';
import { fetchMe, giveConsent } from '../../services/users';
import { getCurrentUser, useCurrentUser } from '../../services/session';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_TITLE } from './privacy-notice';
import { pageClass } from '../../hooks/use-care-mode';
import './index.css';

/** The privacy notice: asks for consent after login when needed, and stays readable from 我的 afterwards. */
export default function ConsentPage() {
  const me = useCurrentUser();
  const [agreeing, setAgreeing] = useState(false);

  useLoad(() => {
    // Opened directly (an H5 reload): learn whether the worker has already agreed.
    if (!getCurrentUser()) void fetchMe().catch(() => undefined);
  });

  const agree = async () => {
    setAgreeing(true);
    try {
      await goAfterConsent(await giveConsent());
    } catch {
      // The services layer has already told the worker what went wrong.
    } finally {
      setAgreeing(false);
    }
  };

  const decline = async () => {
    await logout().catch(() => undefined);
    await Taro.reLaunch({ url: ROUTES.login });
  };

  const consentedAt = me && !me.consentRequired && me.consentAt ? shanghaiDay(me.consentAt) : null;

  return (
    <View className={pageClass('page consent')}>
      <ScrollView scrollY className='card consent__notice' {...scrollRegion(PRIVACY_NOTICE_TITLE)}>
        <Text className='consent__title'>{PRIVACY_NOTICE_TITLE}</Text>
        <Text className='muted'>版本 {PRIVACY_POLICY_VERSION}</Text>
        {PRIVACY_NOTICE.map((section) => (
          <View key={section.heading} className='consent__section'>
            <Text className='consent__heading'>{section.heading}</Text>
            {section.paragraphs.map((paragraph) => (
              <Text key={paragraph} className='consent__paragraph'>
                {paragraph}
              </Text>
            ))}
          </View>
        ))}
      </ScrollView>

      {consentedAt ? (
        <Text className='consent__done'>您已于 {consentedAt} 同意本政策</Text>
      ) : (
        <View className='consent__actions'>
          <Button
            block
            type='primary'
            loading={agreeing}
            disabled={agreeing}
            onClick={() => void agree()}
            // Inside WeChat the same tap is the worker's agreement to the 用户隐私保护指引 too, and lets any
            // privacy-gated call WeChat holds go on.
            {...(onWechat() ? { id: PRIVACY_AGREE_BUTTON_ID, openType: 'agreePrivacyAuthorization' as const, onAgreePrivacyAuthorization: privacyAgreed } : {})}
          >
            同意并继续
          </Button>
          <Button block fill='none' onClick={() => void decline()}>
            不同意并退出
          </Button>
        </View>
      )}
    </View>
  );
}
