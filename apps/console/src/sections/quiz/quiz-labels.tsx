import type { CampaignStatus, CampaignView } from '@jingcai/shared';
import { Tag } from 'antd';

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: '草稿', published: '已发布', ended: '已结束' };

/** Published campaigns read by their window: 未开始 / 进行中 / 已截止. */
export function CampaignStatusTag({ campaign, now = Date.now() }: { campaign: CampaignView; now?: number }) {
  if (campaign.status === 'draft') return <Tag>草稿</Tag>;
  if (campaign.status === 'ended') return <Tag color="default">已结束</Tag>;
  if (now < Date.parse(campaign.startsAt)) return <Tag color="blue">已发布 · 未开始</Tag>;
  if (now > Date.parse(campaign.endsAt)) return <Tag color="default">已发布 · 已截止</Tag>;
  return <Tag color="green">已发布 · 进行中</Tag>;
}
