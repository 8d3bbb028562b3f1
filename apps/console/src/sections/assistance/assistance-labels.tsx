import {
  ASSISTANCE_STATUS_LABELS,
  WISH_STATUS_LABELS,
  type AssistanceStatus,
  type WishStatus,
} from '@jingcai/shared';
import { Tag } from 'antd';

const STATUS_COLORS: Record<AssistanceStatus, string> = {
  submitted: 'gold',
  checked: 'blue',
  approved: 'processing',
  granted: 'green',
  returned: 'red',
  withdrawn: 'default',
};

const WISH_COLORS: Record<WishStatus, string> = {
  pending_review: 'gold',
  rejected: 'default',
  open: 'blue',
  claimed: 'processing',
  handed_over: 'purple',
  fulfilled: 'green',
};

export function ApplicationStatusTag({ status }: { status: AssistanceStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{ASSISTANCE_STATUS_LABELS[status]}</Tag>;
}

export function WishStatusTag({ status }: { status: WishStatus }) {
  return <Tag color={WISH_COLORS[status]}>{WISH_STATUS_LABELS[status]}</Tag>;
}

/** `1234.5` → `1,234.50`. */
export function yuan(amount: number): string {
  return amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
