import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  ACCOUNT_ERASURE_WORKING_DAYS,
  DELETION_CONFIRMATION,
  KEPT_AFTER_DELETION,
} from '@jingcai/shared';
import StatusView from '../../components/status-view';
import { useRequest } from '../../hooks/use-request';
import { goToConsent } from '../../navigation';
import { ROUTES } from '../../routes';
import { deleteAccount, fetchDataCopy, saveDataCopy, withdrawConsent } from '../../services/account';
import { pageClass } from '../../hooks/use-care-mode';
import './index.css';

const SAVE_LABEL = process.env.TARO_ENV === 'h5' ? '下载数据副本（Excel）' : '保存或分享数据副本（Excel）';

/** 个人信息: what the union holds about me, a copy to keep, withdrawing consent, and 注销. */
export default function PersonalDataPage() {
  const copy = useRequest(fetchDataCopy);
  const [saving, setSaving] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      const where = await saveDataCopy();
      void Taro.showToast({ title: where === 'downloaded' ? '已开始下载' : '已打开，可在右上角保存或转发', icon: 'none' });
    } catch {
      // The services layer has told the worker why.
    } finally {
      setSaving(false);
    }
  };

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回同意',
      content: '撤回后，需要使用个人信息的功能（完善资料、绑定手机号、申请入会等）将暂停，直到您重新同意隐私政策。',
      confirmText: '撤回',
    });
    if (!confirm) return;
    setWithdrawing(true);
    try {
      await withdrawConsent();
      await goToConsent();
    } catch {
      setWithdrawing(false);
    }
  };

  const remove = async () => {
    if (typed.trim() !== DELETION_CONFIRMATION) {
      void Taro.showToast({ title: `请输入「${DELETION_CONFIRMATION}」`, icon: 'none' });
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '确定注销账号？',
      content: '注销后无法恢复，当前账号将立即无法登录。',
      confirmText: '注销',
      confirmColor: '#c8102e',
    });
    if (!confirm) return;
    setDeleting(true);
    try {
      await deleteAccount(typed.trim());
      await Taro.showModal({
        title: '账号已注销',
        content: `您的个人信息将在 ${ACCOUNT_ERASURE_WORKING_DAYS} 个工作日内删除或匿名化。感谢您使用京彩职工。`,
        showCancel: false,
      });
      await Taro.reLaunch({ url: ROUTES.login });
    } catch {
      setDeleting(false);
    }
  };

  return (
    <View className={pageClass('page personal-data')}>
      <View className='card personal-data__card'>
        <Text className='personal-data__title'>我的数据</Text>
        <Text className='muted'>工会保存的您的全部个人信息，可随时查看和导出。手机号、身份证号以打码形式显示。</Text>
        {copy.data ? (
          <View className='personal-data__sections' aria-label='数据概览'>
            {copy.data.sections.map((section) => (
              <View key={section.key} className='personal-data__row'>
                <Text>{section.title}</Text>
                <Text className='muted'>{section.rows.length} 条</Text>
              </View>
            ))}
          </View>
        ) : (
          <StatusView status={copy.status === 'error' ? 'error' : 'loading'} onRetry={copy.retry} />
        )}
        <Button block type='primary' loading={saving} disabled={saving} onClick={() => void save()}>
          {SAVE_LABEL}
        </Button>
      </View>

      <View className='card personal-data__card'>
        <Text className='personal-data__title'>撤回同意</Text>
        <Text className='muted'>您可以撤回对隐私政策的同意。撤回不影响撤回前基于同意已进行的处理。</Text>
        <Button block fill='outline' loading={withdrawing} disabled={withdrawing} onClick={() => void withdraw()}>
          撤回隐私政策同意
        </Button>
      </View>

      <View className='card personal-data__card'>
        <Text className='personal-data__title'>注销账号</Text>
        <Text className='personal-data__text'>
          注销后账号立即无法登录，您的姓名、手机号、身份证号、微信标识立即清除；读后感、咨询内容、投诉建议、照片、消息等个人信息将在 {ACCOUNT_ERASURE_WORKING_DAYS} 个工作日内删除或匿名化。之后同一手机号和微信可以重新注册。
        </Text>
        <Text className='personal-data__subtitle'>以下记录会保留，但不再含有任何个人信息：</Text>
        {KEPT_AFTER_DELETION.map((item) => (
          <View key={item.what} className='personal-data__kept'>
            <Text>· {item.what}</Text>
            <Text className='muted'>原因：{item.why}</Text>
          </View>
        ))}
        <Text className='personal-data__subtitle'>请输入「{DELETION_CONFIRMATION}」：</Text>
        <Input
          className='personal-data__input'
          aria-label={`输入${DELETION_CONFIRMATION}以确认`}
          placeholder={DELETION_CONFIRMATION}
          value={typed}
          onInput={(event) => setTyped(event.detail.value)}
        />
        <Button
          block
          type='danger'
          loading={deleting}
          disabled={deleting || typed.trim() !== DELETION_CONFIRMATION}
          onClick={() => void remove()}
        >
          注销账号
        </Button>
      </View>
    </View>
  );
}
