import { Text } from '@tarojs/components';
import { LEGAL_QUESTION_STATUS_LABELS, type LegalQuestionStatus } from '@jingcai/shared';

/** A question's status as a coloured tag: 待分配, 待解答, 已解答, 已结束. */
export default function QuestionStatus({ status }: { status: LegalQuestionStatus }) {
  return <Text className={`legal-status legal-status--${status}`}>{LEGAL_QUESTION_STATUS_LABELS[status]}</Text>;
}
