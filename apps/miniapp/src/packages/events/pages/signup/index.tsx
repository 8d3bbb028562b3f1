import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CHILD_DATA_RETENTION_DAYS, ErrorCode, EVENT_LIMITS, SubscribeTemplate, type WorkerEventView } from '@jingcai/shared';
import Choice from '../../../../components/choice';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { useSubscribeRequest } from '../../../../hooks/use-subscribe-request';
import { useValidatedForm } from '../../../../hooks/use-validated-form';
import { pageUrl, ROUTES } from '../../../../routes';
import { eventById, signUp, SIGNUP_REFUSALS } from '../../../../services/events';
import { ApiError } from '../../../../services/request';
import FormFieldInput from '../../components/form-field-input';
import { formatSpan, signupBlocker } from '../../events-format';
import { emptySignupForm, signupDraftName, toSignupBody, validateSignup, type SignupField, type SignupForm } from '../../signup-form';
import '../../components/events.css';
import './index.css';
import { pageClass } from '../../../../hooks/use-care-mode';

/** The day-before reminder is asked for on the sign-up tap, the only moment WeChat allows the prompt. */
const ON_SIGNUP = [SubscribeTemplate.EventReminder];

/** 报名: the session, the staff's questions and, for 暑托班, the child; kept as a draft until sent. */
export default function EventSignupPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const load = useCallback(() => eventById(id), [id]);
  const { data: event, status, retry } = useRequest(load, { missingOn: [ErrorCode.NotFound] });

  if (status === 'missing') {
    return (
      <View className={pageClass('page event-signup')}>
        <StatusView status='empty' message='活动不存在或不面向你' />
      </View>
    );
  }
  if (status !== 'ready' || !event) {
    return (
      <View className={pageClass('page event-signup')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }
  return <SignupFormView event={event} />;
}

function SignupFormView({ event }: { event: WorkerEventView }) {
  const { form, errors, update, submitting, submit, clearDraft } = useValidatedForm<SignupForm, SignupField>(
    () => emptySignupForm(event),
    (filled) => validateSignup(event, filled),
    { name: signupDraftName(event.id) },
  );
  const [refusal, setRefusal] = useState<string | null>(null);
  const askToBeReminded = useSubscribeRequest(ON_SIGNUP);
  const blocker = signupBlocker(event, Date.now());

  const send = async (filled: SignupForm) => {
    await askToBeReminded();
    setRefusal(null);
    try {
      const signup = await signUp(event.id, toSignupBody(event, filled));
      clearDraft();
      void Taro.showToast({ title: signup.status === 'entered' ? '已报名，等待抽签' : '报名成功', icon: 'none' });
      // In place of the form, so back from the ticket lands on the event, not on a sent form.
      await Taro.redirectTo({ url: pageUrl(ROUTES.eventsTicket, { id: signup.id }) });
    } catch (error) {
      if (error instanceof ApiError && (SIGNUP_REFUSALS as readonly string[]).includes(error.code)) setRefusal(error.message);
      throw error;
    }
  };

  const setAnswer = (key: string, value: string) =>
    update({ answers: { ...form.answers, [key]: value } }, [`answers.${key}`]);

  return (
    <View className={pageClass('page event-signup')}>
      <View className='card event-signup__field'>
        <Text className='events-label'>{event.title}</Text>
        <Text className='muted'>
          {event.allocation === 'lottery'
            ? '本活动名额有限，报名截止后公开抽签；未中签的按抽签顺序候补。'
            : '先到先得，名额报满即止。'}
        </Text>
      </View>

      <View className='card event-signup__field'>
        <Text className='events-label'>选择场次</Text>
        <View className='event-signup__sessions' role='radiogroup' aria-label='选择场次'>
          {event.sessions.map((session) => {
            const full = event.allocation === 'first_come' && session.remaining <= 0;
            const places = event.allocation === 'lottery' ? `${session.capacity} 个名额` : full ? '已满' : `剩余 ${session.remaining} 个名额`;
            return (
              <Choice
                key={session.id}
                role='radio'
                className={`event-signup__session${full ? ' event-signup__session--full' : ''}`}
                selectedClassName='event-signup__session--active'
                selected={form.sessionId === session.id}
                disabled={full}
                onSelect={() => update({ sessionId: session.id }, ['session'])}
              >
                <Text>{session.label}</Text>
                <Text className='muted'>{formatSpan(session.startsAt, session.endsAt)}</Text>
                <Text className='muted'>{places}</Text>
              </Choice>
            );
          })}
        </View>
        {errors.session && <Text className='field-error'>{errors.session}</Text>}
      </View>

      {event.requiresChild && (
        <View className='card event-signup__field'>
          <Text className='events-label'>孩子信息</Text>
          <Text className='event-signup__privacy'>
            孩子信息加密保存，仅主办方工作人员可见（打码显示），活动结束 {CHILD_DATA_RETENTION_DAYS} 天后删除。
          </Text>
          <ChildInput label='孩子姓名' value={form.childName} max={EVENT_LIMITS.childNameMax} error={errors['child.name']} onChange={(childName) => update({ childName }, ['child.name'])} />
          <ChildInput label='孩子年龄（岁）' value={form.childAge} max={2} digits error={errors['child.age']} onChange={(childAge) => update({ childAge }, ['child.age'])} />
          <ChildInput label='监护人姓名' value={form.guardian} max={EVENT_LIMITS.guardianMax} error={errors['child.guardian']} onChange={(guardian) => update({ guardian }, ['child.guardian'])} />
        </View>
      )}

      {event.form.map((field) => (
        <FormFieldInput
          key={field.key}
          field={field}
          value={form.answers[field.key] ?? ''}
          error={errors[`answers.${field.key}`]}
          onChange={(value) => setAnswer(field.key, value)}
        />
      ))}

      {(refusal ?? blocker) && <Text className='events-refusal'>{refusal ?? blocker}</Text>}
      <Button block type='primary' loading={submitting} disabled={submitting || blocker !== null} onClick={() => void submit(send)}>
        提交报名
      </Button>
    </View>
  );
}

interface ChildInputProps {
  label: string;
  value: string;
  max: number;
  digits?: boolean;
  error?: string;
  onChange: (value: string) => void;
}

function ChildInput({ label, value, max, digits = false, error, onChange }: ChildInputProps) {
  return (
    <>
      <Text className='muted'>{label}</Text>
      <Input
        className='events-input'
        type={digits ? 'number' : 'text'}
        aria-label={label}
        placeholder={`请填写${label.replace(/（.*）/, '')}`}
        maxlength={max}
        value={value}
        onInput={(event) => onChange(event.detail.value)}
      />
      {error && <Text className='field-error'>{error}</Text>}
    </>
  );
}
