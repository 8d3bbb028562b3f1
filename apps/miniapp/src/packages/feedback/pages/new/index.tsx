import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Choice from '../../../../components/choice';
import LabelledSwitch from '../../../../components/labelled-switch';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_MAX_PHOTOS,
  FEEDBACK_TEXT_MAX,
} from '@jingcai/shared';
import PhotoPicker from '../../../../components/photo-picker';
import { useEvidenceForm } from '../../../../hooks/use-evidence-form';
import { pageUrl, ROUTES } from '../../../../routes';
import { sendFeedback, uploadFeedbackPhoto } from '../../../../services/feedback';
import {
  emptyFeedbackForm,
  textLength,
  toFeedbackBody,
  validateFeedback,
  type FeedbackField,
  type FeedbackForm,
} from '../../feedback-form';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/feedback.css';

/** 我要投诉建议: complaint, suggestion or other; what happened; up to 6 photos; whether to be called back. */
export default function NewFeedbackPage() {
  const { form, errors, uploading, submitting, update, addPhotos, removePhoto, setUploading, submit } =
    useEvidenceForm<FeedbackForm, FeedbackField>(emptyFeedbackForm, validateFeedback);

  const send = async (filled: FeedbackForm) => {
    const sent = await sendFeedback(toFeedbackBody(filled));
    void Taro.showToast({ title: '已提交，请留意答复', icon: 'none' });
    await Taro.redirectTo({ url: pageUrl(ROUTES.feedbackDetail, { id: sent.id }) });
  };

  return (
    <View className={pageClass('page feedback-new')}>
      <View className='card feedback-field'>
        <Text className='feedback-label'>类型</Text>
        <View className='feedback-chips' role='radiogroup' aria-label='类型'>
          {FEEDBACK_CATEGORIES.map((category) => (
            <Choice
              key={category}
              role='radio'
              className='jc-chip feedback-chip'
              selectedClassName='feedback-chip--active'
              selected={form.category === category}
              onSelect={() => update({ category })}
            >
              {FEEDBACK_CATEGORY_LABELS[category]}
            </Choice>
          ))}
        </View>
      </View>

      <View className='card feedback-field'>
        <Text className='feedback-label'>内容</Text>
        <Textarea
          className='feedback-textarea'
          aria-label='投诉建议内容'
          placeholder='请写明时间、地点和您的意见'
          maxlength={FEEDBACK_TEXT_MAX}
          value={form.text}
          onInput={(event) => update({ text: event.detail.value }, ['text'])}
        />
        <Text className='muted'>
          {textLength(form.text)} / {FEEDBACK_TEXT_MAX}
        </Text>
        {errors.text && <Text className='field-error'>{errors.text}</Text>}
      </View>

      <View className='card feedback-field'>
        <Text className='feedback-label'>照片（选填）</Text>
        <PhotoPicker
          upload={uploadFeedbackPhoto}
          value={form.photos}
          max={FEEDBACK_MAX_PHOTOS}
          onAdd={addPhotos}
          onRemove={removePhoto}
          onUploadingChange={setUploading}
        />
        {errors.photos && <Text className='field-error'>{errors.photos}</Text>}
      </View>

      <View className='card feedback-field feedback-switch'>
        <View>
          <Text className='feedback-label'>希望工作人员联系我</Text>
          <Text className='muted'>工作人员可看到您的手机号（打码显示，仅用于回访）</Text>
        </View>
        <LabelledSwitch
          label='希望工作人员联系我'
          checked={form.wantsContact}
          onChange={(wantsContact) => update({ wantsContact })}
        />
      </View>

      <Button block type='primary' loading={submitting} disabled={submitting || uploading} onClick={() => void submit(send)}>
        提交
      </Button>
    </View>
  );
}
