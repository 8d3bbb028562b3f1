import { LEGAL_QUESTION_STATUS_LABELS, type LegalQuestionStatus } from '@jingcai/shared';
import { Tag } from 'antd';

const COLORS: Record<LegalQuestionStatus, string> = { new: 'gold', assigned: 'blue', answered: 'green', closed: 'default' };

export function QuestionStatusTag({ status }: { status: LegalQuestionStatus }) {
  return <Tag color={COLORS[status]}>{LEGAL_QUESTION_STATUS_LABELS[status]}</Tag>;
}

export function OverdueTag() {
  return <Tag color="red">已超期</Tag>;
}
