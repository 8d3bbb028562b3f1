import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AID_KIND_LABELS, AidKind } from '@jingcai/shared';
import { ROUTES } from '../../../../../routes';
import { applyForAid, uploadLegalPhoto } from '../../../../../services/legal';
import Choice from '../../../../../components/choice';
import PhotoPicker from '../../../../../components/photo-picker';
import { LEGAL_LIMITS, textLength } from '../../../legal-format';
import { useEvidenceForm } from '../../../../../hooks/use-evidence-form';
import { AID_MAX_PHOTOS, emptyAidForm, toAidBody, validateAid, type AidField, type AidForm } from './aid-form';
import { pageClass } from '../../../../../hooks/use-care-mode';
import '../../../components/legal.css';
import './index.css';

const KIND_HINTS: Readonly<Record<AidKind, string>> = {
  aid: '经济困难、需要律师代理仲裁或诉讼',
  mediation: '希望工会出面与单位协商解决',
};

/** 申请法律援助 / 劳动争议调解: the kind, what happened, the employer, the amount in dispute and evidence. */
export default function AidApplyPage() {
  const { form, errors, uploading, submitting, update, addPhotos, removePhoto, setUploading, submit, clearDraft } =
    useEvidenceForm<AidForm, AidField>(emptyAidForm, validateAid, 'legal-aid');

  const send = async (filled: AidForm) => {
    await applyForAid(toAidBody(filled));
    clearDraft();
    void Taro.showToast({ title: '申请已提交', icon: 'success' });
    await backToApplications();
  };

  const factsLength = textLength(form.facts);

  return (
    <View className={pageClass('page legal-aid-apply')}>
      <Text className='legal-privacy'>申请信息仅工会工作人员和承办律师可见，办理进度可在“法律援助与调解”中查看。</Text>

      <View className='card legal-field'>
        <Text className='legal-label'>申请类型</Text>
        <View className='legal-aid-apply__kinds' role='radiogroup' aria-label='申请类型'>
          {Object.values(AidKind).map((kind) => (
            <Choice
              key={kind}
              role='radio'
              className='legal-aid-apply__kind'
              selectedClassName='legal-aid-apply__kind--active'
              selected={form.kind === kind}
              onSelect={() => update({ kind }, ['kind'])}
            >
              <Text className='legal-aid-apply__kind-title'>{AID_KIND_LABELS[kind]}</Text>
              <Text className='muted legal-aid-apply__kind-hint'>{KIND_HINTS[kind]}</Text>
            </Choice>
          ))}
        </View>
        {errors.kind && <Text className='field-error'>{errors.kind}</Text>}
      </View>

      <View className='card legal-field'>
        <Text className='legal-label'>事实经过</Text>
        <Textarea
          className='legal-textarea'
          placeholder='请写明入职时间、岗位、发生了什么、您的诉求'
          maxlength={LEGAL_LIMITS.factsMax}
          value={form.facts}
          onInput={(event) => update({ facts: event.detail.value }, ['facts'])}
        />
        <Text className='legal-count'>
          {factsLength} / {LEGAL_LIMITS.factsMax}
        </Text>
        {errors.facts && <Text className='field-error'>{errors.facts}</Text>}
      </View>

      <View className='card legal-field'>
        <Text className='legal-label'>用人单位</Text>
        <Input
          className='legal-input legal-aid-apply__input'
          placeholder='单位全称，如：某某餐饮管理有限公司'
          maxlength={LEGAL_LIMITS.employerMax}
          value={form.employer}
          onInput={(event) => update({ employer: event.detail.value }, ['employer'])}
        />
        {errors.employer && <Text className='field-error'>{errors.employer}</Text>}
      </View>

      <View className='card legal-field'>
        <Text className='legal-label'>争议金额（元，选填）</Text>
        <Input
          className='legal-input legal-aid-apply__input'
          type='digit'
          placeholder='如拖欠的工资、补偿金，没有可不填'
          value={form.amount}
          onInput={(event) => update({ amount: event.detail.value }, ['amount'])}
        />
        {errors.amount && <Text className='field-error'>{errors.amount}</Text>}
      </View>

      <View className='card legal-field'>
        <Text className='legal-label'>证据照片（选填）</Text>
        <PhotoPicker
          upload={uploadLegalPhoto}
          value={form.photos}
          max={AID_MAX_PHOTOS}
          onAdd={addPhotos}
          onRemove={removePhoto}
          onUploadingChange={setUploading}
        />
        {errors.photos && <Text className='field-error'>{errors.photos}</Text>}
      </View>

      <Button
        className='legal-aid-apply__submit'
        block
        type='primary'
        loading={submitting}
        disabled={submitting || uploading}
        onClick={() => void submit(send)}
      >
        提交申请
      </Button>
    </View>
  );
}

/** Back to 法律援助与调解, which reloads on show; opened from a link or a reload, it opens in place. */
async function backToApplications(): Promise<void> {
  await (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: ROUTES.legalAid }));
}
