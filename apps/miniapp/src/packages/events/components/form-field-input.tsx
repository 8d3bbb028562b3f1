import { Input, Picker, Text, View } from '@tarojs/components';
import { EVENT_LIMITS, type FormField } from '@jingcai/shared';
import Chip from './chip';

interface FormFieldInputProps {
  field: FormField;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** One staff-chosen question of the sign-up form, drawn by its type: text, choice, number or date. */
export default function FormFieldInput({ field, value, error, onChange }: FormFieldInputProps) {
  const label = `${field.label}${field.required ? '' : '（选填）'}`;
  return (
    <View className='card event-signup__field'>
      <Text className='events-label'>{label}</Text>
      {field.type === 'choice' ? (
        <View className='events-chips' role='group' aria-label={field.label}>
          {(field.options ?? []).map((option) => (
            <Chip key={option} label={option} active={value === option} onClick={() => onChange(value === option ? '' : option)} />
          ))}
        </View>
      ) : field.type === 'date' ? (
        <Picker mode='date' value={value} onChange={(event) => onChange(String(event.detail.value))}>
          <View className='events-input event-signup__date' role='button' aria-label={`${field.label}：${value || '请选择日期'}`}>
            {value || '请选择日期'}
          </View>
        </Picker>
      ) : (
        <Input
          className='events-input'
          type={field.type === 'number' ? 'digit' : 'text'}
          aria-label={field.label}
          placeholder={numberHint(field) ?? `请填写${field.label}`}
          maxlength={EVENT_LIMITS.textAnswerMax}
          value={value}
          onInput={(event) => onChange(event.detail.value)}
        />
      )}
      {error && <Text className='field-error'>{error}</Text>}
    </View>
  );
}

function numberHint(field: FormField): string | null {
  if (field.type !== 'number') return null;
  if (field.min !== undefined && field.max !== undefined) return `请填写 ${field.min}–${field.max} 之间的数字`;
  return '请填写数字';
}
