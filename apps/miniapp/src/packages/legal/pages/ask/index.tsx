import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Choice from '../../../../components/choice';
import LabelledSwitch from '../../../../components/labelled-switch';
import {
  ANSWER_DUE_WORKING_DAYS,
  LEGAL_CATEGORIES,
  LEGAL_CATEGORY_LABELS,
  LEGAL_QUESTION_MAX_PHOTOS,
  SubscribeTemplate,
} from '@jingcai/shared';
import { pageUrl, ROUTES } from '../../../../routes';
import { askQuestion, uploadLegalPhoto } from '../../../../services/legal';
import PhotoPicker from '../../../../components/photo-picker';
import { LEGAL_LIMITS, textLength } from '../../legal-format';
import { useEvidenceForm } from '../../../../hooks/use-evidence-form';
import { useSubscribeRequest } from '../../../../hooks/use-subscribe-request';
import { emptyAskForm, toAskBody, validateAsk, type AskField, type AskForm } from './ask-form';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/legal.css';
import './index.css';

const ON_SUBMIT = [SubscribeTemplate.QuestionAnswered];

/** 我要咨询: the type of problem, a title, what happened, photos of the evidence, and whether it may be published. */
export default function AskPage() {
  const { form, errors, uploading, submitting, update, addPhotos, removePhoto, setUploading, submit, clearDraft } =
    useEvidenceForm<AskForm, AskField>(emptyAskForm, validateAsk, 'legal-ask');
  const askToBeTold = useSubscribeRequest(ON_SUBMIT);

  const send = async (filled: AskForm) => {
    // WeChat shows the subscribe prompt only from the tap, before anything else is awaited.
    await askToBeTold();
    const question = await askQuestion(toAskBody(filled));
    clearDraft();
    void Taro.showToast({ title: '提交成功，请留意回复', icon: 'none' });
    // In place of the form, so back from the question lands on the legal home, not on a sent form.
    await Taro.redirectTo({ url: pageUrl(ROUTES.legalQuestion, { id: question.id }) });
  };

  const bodyLength = textLength(form.body);
  const tooShort = bodyLength > 0 && bodyLength < LEGAL_LIMITS.bodyMin;

  return (
    <View className={pageClass('page legal-ask')}>
      <Text className='legal-privacy'>您的咨询仅工会工作人员和指派的律师可见，我们会在 {ANSWER_DUE_WORKING_DAYS} 个工作日内答复。</Text>

      <View className='card legal-field'>
        <Text className='legal-label'>问题类型</Text>
        <View className='legal-chips' role='radiogroup' aria-label='问题类型'>
          {LEGAL_CATEGORIES.map((category) => (
            <Choice
              key={category}
              role='radio'
              className='jc-chip legal-chip'
              selectedClassName='legal-chip--active'
              selected={form.category === category}
              onSelect={() => update({ category }, ['category'])}
            >
              {LEGAL_CATEGORY_LABELS[category]}
            </Choice>
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
        <LabelledSwitch label='同意匿名后作为典型案例公开' checked={form.publicAllowed} onChange={(publicAllowed) => update({ publicAllowed })} />
      </View>

      <Button
        className='legal-ask__submit'
        block
        type='primary'
        loading={submitting}
        disabled={submitting || uploading}
        onClick={() => void submit(send)}
      >
        提交咨询
      </Button>
    </View>
  );
}
