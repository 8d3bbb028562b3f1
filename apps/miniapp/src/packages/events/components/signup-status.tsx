import { Text } from '@tarojs/components';
import { SIGNUP_STATUS_LABELS, type SignupStatus } from '@jingcai/shared';

export default function SignupStatusText({ status }: { status: SignupStatus }) {
  return <Text className={`events-status events-status--${status}`}>{SIGNUP_STATUS_LABELS[status]}</Text>;
}
