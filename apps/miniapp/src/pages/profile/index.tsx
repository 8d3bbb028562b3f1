import { useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Input, Text, View, type ButtonProps, type BaseEventOrig } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { WORKER_CATEGORIES, WORKER_CATEGORY_LABELS } from '@jingcai/shared';
import Choice from '../../components/choice';
import OrgPicker from '../../components/org-picker';
import PrivacyPopup from '../../components/privacy-popup';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { ROUTES } from '../../routes';
import {
  agreeBeforeBindingPhone,
  bindPhone,
  canBindPhone,
  fetchMe,
  phoneButtonReady,
  phoneNotShared,
  updateMe,
} from '../../services/users';
import { getCurrentUser, useCurrentUser } from '../../services/session';
import { formFromMe, toUpdateBody, validateProfile, type ProfileField, type ProfileForm } from './profile-form';
import { pageClass } from '../../hooks/use-care-mode';
import './index.css';

export default function ProfilePage() {
  const me = useCurrentUser();
  const { form, setForm, errors, update, submitting, submit } = useValidatedForm<ProfileForm, ProfileField>(
    () => formFromMe(getCurrentUser()),
    validateProfile,
  );
  // The real getPhoneNumber button, once WeChat has the worker's privacy agreement.
  const [phoneReady, setPhoneReady] = useState(false);

  useLoad(() => {
    if (canBindPhone()) void phoneButtonReady().then(setPhoneReady);
    // Opened directly (an H5 reload): fill the form once the worker's data arrives.
    if (!getCurrentUser()) {
      fetchMe()
        .then((fresh) => setForm(formFromMe(fresh)))
        .catch(() => undefined);
    }
  });

  const send = async (filled: ProfileForm) => {
    const before = getCurrentUser()?.requestedOrg?.id ?? null;
    const saved = await updateMe(toUpdateBody(filled));
    // A new org is a request for that org's staff to approve: say so rather than "saved".
    const asked = saved.requestedOrg && saved.requestedOrg.id !== before;
    void Taro.showToast({ title: asked ? '已提交审核' : '资料已保存', icon: 'success' });
    await Taro.switchTab({ url: ROUTES.me });
  };

  const onPhoneNumber = (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    // No code: the worker declined to share the number, or had not agreed to the privacy guide.
    if (event.detail.code) void bindPhone(event.detail.code).catch(() => undefined);
    else phoneNotShared(event.detail);
  };

  const agreeFirst = async () => {
    if (!(await agreeBeforeBindingPhone())) return;
    setPhoneReady(true);
    void Taro.showToast({ title: '已同意，请再次点击绑定', icon: 'none' });
  };

  return (
    <View className={pageClass('page profile')}>
      <View className='card profile__field'>
        <Text className='profile__label'>真实姓名</Text>
        <Input
          className='profile__input'
          placeholder='请输入真实姓名'
          maxlength={20}
          value={form.realName}
          onInput={(event) => update({ realName: event.detail.value }, ['realName'])}
        />
        {errors.realName && <Text className='field-error'>{errors.realName}</Text>}
      </View>

      <View className='card profile__field'>
        <Text className='profile__label'>职工类别</Text>
        <View className='profile__chips' role='radiogroup' aria-label='职工类别'>
          {WORKER_CATEGORIES.map((category) => (
            <Choice
              key={category}
              role='radio'
              className='jc-chip profile__chip'
              selectedClassName='profile__chip--active'
              selected={form.category === category}
              onSelect={() => update({ category }, ['category'])}
            >
              {WORKER_CATEGORY_LABELS[category]}
            </Choice>
          ))}
        </View>
        {errors.category && <Text className='field-error'>{errors.category}</Text>}
        {me?.gigVerified && form.category !== me.category && (
          <Text className='profile__hint'>更换类别后，新就业形态认证需重新审核</Text>
        )}
      </View>

      <View className='card profile__field'>
        <Text className='profile__label'>所属工会</Text>
        <Text className='profile__org-status'>当前：{me?.org?.name ?? '未加入'}</Text>
        {me?.requestedOrg && (
          <Text className='profile__org-status profile__org-status--pending'>
            待审核：{me.requestedOrg.name}
          </Text>
        )}
        <OrgPicker value={form.org} onChange={(org) => update({ org })} />
        <Text className='profile__hint'>更换工会需经所选工会的工作人员审核，通过后生效</Text>
      </View>

      <View className='card profile__field'>
        <Text className='profile__label'>身份证号（选填）</Text>
        <Input
          className='profile__input'
          type='idcard'
          placeholder={me?.idNumber ? `已填写 ${me.idNumber}，如需修改请重新输入` : '办理入会、法律援助时需要'}
          maxlength={18}
          value={form.idNumber}
          onInput={(event) => update({ idNumber: event.detail.value }, ['idNumber'])}
        />
        {errors.idNumber && <Text className='field-error'>{errors.idNumber}</Text>}
      </View>

      <View className='card profile__field profile__phone'>
        <Text className='profile__label'>手机号</Text>
        <Text className={me?.phone ? '' : 'muted'}>{me?.phone ?? '未绑定'}</Text>
        {canBindPhone() &&
          (phoneReady ? (
            <Button size='small' type='primary' fill='outline' openType='getPhoneNumber' onGetPhoneNumber={onPhoneNumber}>
              {me?.phone ? '更换' : '绑定'}
            </Button>
          ) : (
            <Button size='small' type='primary' fill='outline' onClick={() => void agreeFirst()}>
              {me?.phone ? '更换' : '绑定'}
            </Button>
          ))}
      </View>

      <Button className='profile__save' block type='primary' loading={submitting} disabled={submitting} onClick={() => void submit(send)}>
        保存
      </Button>
      <PrivacyPopup />
    </View>
  );
}
