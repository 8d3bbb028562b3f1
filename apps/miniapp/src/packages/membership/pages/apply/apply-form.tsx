import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  GIG_PLATFORM_SUGGESTIONS,
  isGigCategory,
  ORG_NOT_LISTED_MAX_LENGTH,
  PLATFORM_MAX_LENGTH,
  REAL_NAME_MAX_LENGTH,
  SubscribeTemplate,
  WORKER_CATEGORIES,
  UploadPurpose,
  WORKER_CATEGORY_LABELS,
  type ApplicationView,
} from '@jingcai/shared';
import Choice from '../../../../components/choice';
import OrgPicker from '../../../../components/org-picker';
import { useSubscribeRequest } from '../../../../hooks/use-subscribe-request';
import { useValidatedForm } from '../../../../hooks/use-validated-form';
import PhotoPicker from '../../../../components/photo-picker';
import { submitApplication } from '../../../../services/membership';
import { uploadImage } from '../../../../services/uploads';
import {
  toSubmitBody,
  validateApplication,
  type ApplicationField,
  type ApplicationForm,
} from './application-form';

interface ApplyFormProps {
  initial: ApplicationForm;
  onSubmitted: (application: ApplicationView) => void;
}

const ON_SUBMIT = [SubscribeTemplate.ApplicationReviewed];

export default function ApplyForm({ initial, onSubmitted }: ApplyFormProps) {
  const { form, errors, update, submitting, submit, clearDraft } = useValidatedForm<ApplicationForm, ApplicationField>(
    initial,
    validateApplication,
    // The phone number stays off the phone's storage; the photo's local path would not outlive the app.
    { name: 'membership-apply', toStored: (kept) => ({ ...kept, phone: '', proof: null }) },
  );
  const [uploading, setUploading] = useState(false);
  const askToBeTold = useSubscribeRequest(ON_SUBMIT);

  const send = async (filled: ApplicationForm) => {
    // WeChat only shows the subscribe prompt from a tap, so it is asked before anything else is awaited.
    await askToBeTold();
    const application = await submitApplication(toSubmitBody(filled));
    clearDraft();
    void Taro.showToast({ title: '申请已提交', icon: 'success' });
    onSubmitted(application);
  };

  const gig = form.category !== null && isGigCategory(form.category);

  return (
    <View className='apply__form'>
      <View className='card apply__field'>
        <Text className='apply__label'>真实姓名</Text>
        <Input
          className='apply__input'
          placeholder='请输入真实姓名'
          maxlength={REAL_NAME_MAX_LENGTH}
          value={form.realName}
          onInput={(event) => update({ realName: event.detail.value }, ['realName'])}
        />
        {errors.realName && <Text className='field-error'>{errors.realName}</Text>}
      </View>

      <View className='card apply__field'>
        <Text className='apply__label'>手机号</Text>
        <Input
          className='apply__input'
          type='number'
          placeholder='请输入 11 位手机号'
          maxlength={11}
          value={form.phone}
          onInput={(event) => update({ phone: event.detail.value }, ['phone'])}
        />
        {errors.phone && <Text className='field-error'>{errors.phone}</Text>}
      </View>

      <View className='card apply__field'>
        <Text className='apply__label'>职工类别</Text>
        <View className='apply__chips' role='radiogroup' aria-label='职工类别'>
          {WORKER_CATEGORIES.map((category) => (
            <Choice
              key={category}
              role='radio'
              className='jc-chip apply__chip apply__category'
              selectedClassName='apply__chip--active'
              selected={form.category === category}
              onSelect={() => update({ category }, ['category', 'platform', 'proof'])}
            >
              {WORKER_CATEGORY_LABELS[category]}
            </Choice>
          ))}
        </View>
        {errors.category && <Text className='field-error'>{errors.category}</Text>}
      </View>

      <View className='card apply__field'>
        <Text className='apply__label'>所属工会</Text>
        {form.orgNotListed ? (
          <Input
            className='apply__input'
            placeholder='请输入单位或工会名称'
            maxlength={ORG_NOT_LISTED_MAX_LENGTH}
            value={form.orgNotListedText}
            onInput={(event) => update({ orgNotListedText: event.detail.value }, ['org'])}
          />
        ) : (
          <OrgPicker value={form.org} onChange={(org) => update({ org }, ['org'])} />
        )}
        <View
          className={`jc-tap apply__toggle${form.orgNotListed ? ' apply__toggle--on' : ''}`}
          role='checkbox'
          aria-checked={form.orgNotListed}
          onClick={() => update({ orgNotListed: !form.orgNotListed }, ['org'])}
        >
          <Text className='apply__checkbox' aria-hidden='true'>
            {form.orgNotListed ? '✓' : ''}
          </Text>
          <Text>我的单位不在列表中</Text>
        </View>
        {errors.org && <Text className='field-error'>{errors.org}</Text>}
      </View>

      {gig && (
        <>
          <View className='card apply__field'>
            <Text className='apply__label'>所在平台</Text>
            <View className='apply__chips' role='radiogroup' aria-label='所在平台'>
              {GIG_PLATFORM_SUGGESTIONS.map((platform) => (
                <Choice
                  key={platform}
                  role='radio'
                  className='jc-chip apply__chip apply__platform'
                  selectedClassName='apply__chip--active'
                  selected={form.platform === platform}
                  onSelect={() => update({ platform }, ['platform'])}
                >
                  {platform}
                </Choice>
              ))}
            </View>
            <Input
              className='apply__input apply__platform-input'
              placeholder='其他平台请直接输入'
              maxlength={PLATFORM_MAX_LENGTH}
              value={form.platform}
              onInput={(event) => update({ platform: event.detail.value }, ['platform'])}
            />
            {errors.platform && <Text className='field-error'>{errors.platform}</Text>}
          </View>

          <View className='card apply__field'>
            <Text className='apply__label'>工作证明</Text>
            <Text className='muted apply__hint'>请上传平台工作证、骑手/司机 App 个人主页截图等能证明从业身份的照片</Text>
            <PhotoPicker
              value={form.proof ? [form.proof] : []}
              max={1}
              upload={uploadProof}
              onAdd={([proof]) => update({ proof }, ['proof'])}
              onRemove={() => update({ proof: null }, ['proof'])}
              onUploadingChange={setUploading}
            />
            {errors.proof && <Text className='field-error'>{errors.proof}</Text>}
          </View>
        </>
      )}

      <Button className='apply__submit' block type='primary' loading={submitting} disabled={submitting || uploading} onClick={() => void submit(send, uploading)}>
        提交申请
      </Button>
    </View>
  );
}

function uploadProof(filePath: string): Promise<{ id: string }> {
  return uploadImage(filePath, UploadPurpose.MembershipProof);
}
