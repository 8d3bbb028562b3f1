import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button, Switch } from '@nutui/nutui-react-taro';
import { ANSWER_DUE_WORKING_DAYS, LEGAL_CATEGORIES, LEGAL_CATEGORY_LABELS, LEGAL_QUESTION_MAX_PHOTOS } from '@jingcai/shared';
import { pageUrl, ROUTES } from '../../../../routes';
import { askQuestion, uploadLegalPhoto } from '../../../../services/legal';
import PhotoPicker, { type PickedPhoto } from '../../../../components/photo-picker';
import { LEGAL_LIMITS, textLength } from '../../legal-format';
import { emptyAskForm, toAskBody, validateAsk, type AskErrors, type AskForm } from './ask-form';
import '../../components/legal.css';
import './index.css';

/** 我要咨询: the type of problem, a title, what happened, photos of the evidence, and whether it may be published. */
export default function AskPage() {
  const [form, setForm] = useState<AskForm>(emptyAskForm);
  const [errors, setErrors] = useState<AskErrors>({});
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  // A field the worker is correcting stops showing its old complaint.
  const update = (patch: Partial<AskForm>, clears: (keyof AskErrors)[] = []) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const rest = { ...current };
      for (const field of clears) delete rest[field];
      return rest;
    });
  };

  const addPhotos = (photos: PickedPhoto[]) => setForm((current) => ({ ...current, photos: [...current.photos, ...photos] }));
  const removePhoto = (id: string) =>
    setForm((current) => ({ ...current, photos: current.photos.filter((photo) => photo.id !== id) }));

  const submit = async () => {
    if (submitting || uploading) return;
    const found = validateAsk(form);
    setErrors(found);
    const first = Object.values(found)[0];
    if (first) {
      void Taro.showToast({ title: first, icon: 'none' });
      return;
    }
    setSubmitting(true);
    try {
      const question = await askQuestion(toAskBody(form));
      void Taro.showToast({ title: '提交成功，请留意回复', icon: 'none' });
      // In place of the form, so back from the question lands on the legal home, not on a sent form.
      await Taro.redirectTo({ url: pageUrl(ROUTES.legalQuestion, { id: question.id }) });
    } catch {
      // The toast has said why (risky content, too short…); the form stays to be corrected.
    } finally {
      setSubmitting(false);
    }
  };

  const bodyLength = textLength(form.body);
  const tooShort = bodyLength > 0 && bodyLength < LEGAL_LIMITS.bodyMin;

  return (
    <View className='page legal-ask'>
      <Text className='legal-privacy'>您的咨询仅工会工作人员和指派的律师可见，我们会在 {ANSWER_DUE_WORKING_DAYS} 个工作日内答复。</Text>

      <View className='card legal-field'>
        <Text className='legal-label'>问题类型</Text>
        <View className='legal-chips'>
          {LEGAL_CATEGORIES.map((category) => (
            <Text
              key={category}
              className={`legal-chip${form.category === category ? ' legal-chip--active' : ''}`}
              onClick={() => update({ category }, ['category'])}
            >
              {LEGAL_CATEGORY_LABELS[category]}
            </Text>
          ))}
        </View>
        {errors.category && <Text className='field-error'>{errors.category}</Text>}
      </View>

      <View className='card legal-field'>
        <Text className='legal-label'>标题</Text>
        <Input
          className='legal-input legal-ask__title'
          placeholder='一句话说明问题，如：工地拖欠三个月工资'
          maxlength={LEGAL_LIMITS.titleMax}
          value={form.title}
          onInput={(event) => update({ title: event.detail.value }, ['title'])}
        />
        {errors.title && <Text className='field-error'>{errors.title}</Text>}
      </View>

      <View className='card legal-field'>
        <Text className='legal-label'>问题描述</Text>
        <Textarea
          className='legal-textarea legal-ask__body'
          placeholder='请写明时间、单位、经过和您的诉求，越详细越好'
          maxlength={LEGAL_LIMITS.bodyMax}
          value={form.body}
          onInput={(event) => update({ body: event.detail.value }, ['body'])}
        />
        <Text className={`legal-count${tooShort ? ' legal-count--short' : ''}`}>
          {bodyLength} / {LEGAL_LIMITS.bodyMax}
        </Text>
        {errors.body && <Text className='field-error'>{errors.body}</Text>}
      </View>

      <View className='card legal-field'>
        <Text className='legal-label'>证据照片（选填）</Text>
        <Text className='muted legal-ask__photo-hint'>劳动合同、工资条、考勤记录、聊天截图等</Text>
        <PhotoPicker
          classPrefix='legal'
          upload={uploadLegalPhoto}
          value={form.photos}
          max={LEGAL_QUESTION_MAX_PHOTOS}
          onAdd={addPhotos}
          onRemove={removePhoto}
          onUploadingChange={setUploading}
        />
        {errors.photos && <Text className='field-error'>{errors.photos}</Text>}
      </View>

      <View className='card legal-field legal-ask__public'>
        <View className='legal-ask__public-text'>
          <Text className='legal-ask__public-title'>同意匿名后作为典型案例公开</Text>
          <Text className='muted'>隐去姓名、单位等信息后，帮助更多职工了解维权方法</Text>
        </View>
        <Switch checked={form.publicAllowed} onChange={(publicAllowed) => update({ publicAllowed })} />
      </View>

      <Button
        className='legal-ask__submit'
        block
        type='primary'
        loading={submitting}
        disabled={submitting || uploading}
        onClick={() => void submit()}
      >
        提交咨询
      </Button>
    </View>
  );
}
