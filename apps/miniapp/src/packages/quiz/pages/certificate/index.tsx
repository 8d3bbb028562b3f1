import { useCallback, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import StatusView from '../../../../components/status-view';
import PrivacyPopup from '../../../../components/privacy-popup';
import { useRequest } from '../../../../hooks/use-request';
import { formatShanghaiDate } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveImageToAlbum } from '../../../../services/platform';
import { certificateBySerial } from '../../../../services/quiz';
import { imageAlt } from '../../../../a11y';
import { pageClass } from '../../../../hooks/use-care-mode';
import './index.css';

/** A certificate earned by passing: the image to save or share, and what it certifies. */
export default function CertificatePage() {
  const { params } = useRouter();
  const serial = params.serial ?? '';
  const [saving, setSaving] = useState(false);
  const fetchCertificate = useCallback(() => certificateBySerial(serial), [serial]);
  const { data: certificate, status, retry } = useRequest(fetchCertificate);

  // A shared certificate opens this page, which anyone may use to check it.
  useShareAppMessage(() => ({
    title: certificate ? `我在「${certificate.campaignTitle}」中获得了证书` : '学习答题电子证书',
    path: pageUrl(ROUTES.quizCertificate, { serial }),
  }));

  if (status !== 'ready' || !certificate) {
    return (
      <View className={pageClass('page quiz-certificate')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const outcome = await saveImageToAlbum(certificate.imageUrl);
    setSaving(false);
    if (outcome === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    if (outcome === 'failed') void Taro.showToast({ title: '保存失败，请在设置中允许保存到相册', icon: 'none' });
  };

  return (
    <View className={pageClass('page quiz-certificate')}>
      <Image className='quiz-certificate__image' src={certificate.imageUrl} {...imageAlt('答题证书')} mode='widthFix' showMenuByLongpress />
      <View className='card quiz-certificate__facts'>
        <Text className='quiz-certificate__name'>{certificate.name}</Text>
        <Text>{certificate.campaignTitle}</Text>
        <Text>成绩：{certificate.score} 分</Text>
        <Text className='muted'>颁发日期：{formatShanghaiDate(certificate.issuedAt)}</Text>
        <Text className='muted'>证书编号：{certificate.serial}</Text>
      </View>
      <Button block type='primary' loading={saving} disabled={saving} onClick={() => void save()}>
        保存图片
      </Button>
      <PrivacyPopup />
    </View>
  );
}
