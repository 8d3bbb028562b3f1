import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  ASSISTANCE_FAMILY_SITUATION_MAX,
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_KINDS,
  ASSISTANCE_MAX_DOCUMENTS,
  ASSISTANCE_REASONS_MAX,
} from '@jingcai/shared';
import Choice from '../../../../components/choice';
import PhotoPicker from '../../../../components/photo-picker';
import { useEvidenceForm } from '../../../../hooks/use-evidence-form';
import { uploadAssistanceDocument } from '../../../../services/assistance';
import { textLength } from '../../assistance-format';
import {
  validateApplication,
  type ApplicationField,
  type ApplicationForm,
} from './application-form';
import '../../components/assistance.css';

interface Props {
  initial: () => ApplicationForm;
  /** A correction keeps the kind applied for. */
  kindFixed?: boolean;
  /** Kept as a local draft under this name (a new application); a correction starts from what was sent. */
  draftName?: string;
  submitLabel: string;
  /** Sends the checked form; rejects after the services layer has said why, and the form stays. */
  onSend: (form: ApplicationForm, clearDraft: () => void) => Promise<void>;
}

/** The fields of 帮扶申请: kind, family situation, household size, income per member, reasons, documents. */
export default function ApplicationFormView({ initial, kindFixed = false, draftName, submitLabel, onSend }: Props) {
  const { form, errors, uploading, submitting, update, addPhotos, removePhoto, setUploading, submit, clearDraft } =
    useEvidenceForm<ApplicationForm, ApplicationField>(initial, validateApplication, draftName);

  return (
    <View className='assistance-apply'>
      <View className='card assistance-field'>
        <Text className='assistance-label'>帮扶类型</Text>
        <View className='assistance-chips' role='radiogroup' aria-label='帮扶类型'>
          {ASSISTANCE_KINDS.map((kind) => (
            <Choice
              key={kind}
              role='radio'
              className='jc-chip assistance-chip'
              selectedClassName='assistance-chip--active'
              selected={form.kind === kind}
              disabled={kindFixed && form.kind !== kind}
              onSelect={() => update({ kind }, ['kind'])}
            >
              {ASSISTANCE_KIND_LABELS[kind]}
            </Choice>
          ))}
        </View>
        {errors.kind && <Text className='field-error'>{errors.kind}</Text>}
      </View>

      <LongText
        label='家庭情况'
        max={ASSISTANCE_FAMILY_SITUATION_MAX}
        placeholder='家庭成员、健康状况、就业情况、遇到的困难'
        value={form.familySituation}
        error={errors.familySituation}
        onInput={(familySituation) => update({ familySituation }, ['familySituation'])}
      />

      <View className='card assistance-field'>
        <Text className='assistance-label'>家庭人口（人）</Text>
        <Input
          className='assistance-input assistance-apply__household'
          type='number'
          aria-label='家庭人口（人）'
          placeholder='共同生活的家庭成员人数'
          maxlength={2}
          value={form.householdSize}
          onInput={(event) => update({ householdSize: event.detail.value }, ['householdSize'])}
        />
        {errors.householdSize && <Text className='field-error'>{errors.householdSize}</Text>}
      </View>

      <View className='card assistance-field'>
        <Text className='assistance-label'>家庭人均月收入（元）</Text>
        <Input
          className='assistance-input assistance-apply__income'
          type='digit'
          aria-label='家庭人均月收入（元）'
          placeholder='家庭月总收入 ÷ 家庭人口'
          value={form.incomePerMember}
          onInput={(event) => update({ incomePerMember: event.detail.value }, ['incomePerMember'])}
        />
        {errors.incomePerMember && <Text className='field-error'>{errors.incomePerMember}</Text>}
      </View>

      <LongText
        label='申请理由'
        max={ASSISTANCE_REASONS_MAX}
        placeholder='需要什么帮助、用于哪些方面'
        value={form.reasons}
        error={errors.reasons}
        onInput={(reasons) => update({ reasons }, ['reasons'])}
      />

      <View className='card assistance-field'>
        <Text className='assistance-label'>证明材料（选填）</Text>
        <Text className='muted'>如病历、入学通知书、收入证明，仅审核的工会工作人员可见</Text>
        <PhotoPicker
          upload={uploadAssistanceDocument}
          value={form.photos}
          max={ASSISTANCE_MAX_DOCUMENTS}
          onAdd={addPhotos}
          onRemove={removePhoto}
          onUploadingChange={setUploading}
        />
        {errors.photos && <Text className='field-error'>{errors.photos}</Text>}
      </View>

      <Button
        className='assistance-apply__submit'
        block
        type='primary'
        loading={submitting}
        disabled={submitting || uploading}
        onClick={() => void submit((filled) => onSend(filled, clearDraft))}
      >
        {submitLabel}
      </Button>
    </View>
  );
}

function LongText(props: {
  label: string;
  max: number;
  placeholder: string;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}) {
  return (
    <View className='card assistance-field'>
      <Text className='assistance-label'>{props.label}</Text>
      <Textarea
        className='assistance-textarea'
        aria-label={props.label}
        placeholder={props.placeholder}
        maxlength={props.max}
        value={props.value}
        onInput={(event) => props.onInput(event.detail.value)}
      />
      <Text className='assistance-count'>
        {textLength(props.value)} / {props.max}
      </Text>
      {props.error && <Text className='field-error'>{props.error}</Text>}
    </View>
  );
}
