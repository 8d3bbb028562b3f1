import {
  MEMBERSHIP_STATUSES,
  USER_TAGS,
  USER_TAG_LABELS,
  WORKER_CATEGORIES,
  WORKER_CATEGORY_LABELS,
  type MemberView,
  type MembershipStatus,
  type UserTag,
  type WorkerCategory,
} from '@jingcai/shared';
import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { OrgPicker } from '../../components/org-picker';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatDay, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { membersApi } from '../../services/members';

export const MEMBERSHIP_LABELS: Record<MembershipStatus, string> = { none: '非会员', member: '会员' };

const TAG_COLORS: Record<UserTag, string> = {
  model_worker: 'red',
  frontline_medic: 'blue',
  high_temperature_post: 'orange',
  hardship_family: 'purple',
};

/**
 * What the search box sends: part of a name, or a whole mobile number (the API matches phones on their
 * keyed hash only, so a fragment of digits can never match). Returns an error text for digit fragments.
 */
export function memberSearch(raw: string): { q?: string; error?: string } {
  const value = raw.trim().replace(/\s+/g, '');
  if (!value) return {};
  if (/^\d+$/.test(value) && !/^1\d{10}$/.test(value)) return { error: '按手机号查找请输入完整的 11 位手机号' };
  return { q: value };
}

/** The member directory: workers of the staff member's subtree, searchable and filterable, with their tags. */
export default function RosterPage() {
  const { message } = App.useApp();
  const [q, setQ] = useState<string | undefined>();
  const [orgId, setOrgId] = useState<number | null>(null);
  const [tag, setTag] = useState<UserTag | undefined>();
  const [category, setCategory] = useState<WorkerCategory | undefined>();
  const [membership, setMembership] = useState<MembershipStatus | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<MemberView | null>(null);
  const load = useCallback(
    () => membersApi.list({ q, orgId: orgId ?? undefined, tag, category, membership, page, pageSize }),
    [q, orgId, tag, category, membership, page, pageSize],
  );
  const list = useRequest(load);
  const filtered = Boolean(q || orgId || tag || category || membership);

  /** Any filter change starts again from the first page. */
  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <>
      <PageHeader title="会员名册" sub="本组织及下级组织的职工，可按姓名、手机号、组织、标签等查找并维护职工标签" />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="手机号仅显示脱敏后的内容；按手机号查找需输入完整的 11 位号码。职工标签（劳模、困难职工等）用于福利领取条件。"
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="姓名或完整手机号"
          aria-label="姓名或完整手机号"
          style={{ width: 240 }}
          onSearch={(value) => {
            const search = memberSearch(value);
            if (search.error) {
              void message.warning(search.error);
              return;
            }
            setQ(search.q);
            setPage(1);
          }}
        />
        <div style={{ width: 240 }}>
          <OrgPicker value={orgId} onChange={filter(setOrgId)} placeholder="全部组织" allowClear />
        </div>
        <Select<UserTag>
          allowClear
          placeholder="全部标签"
          aria-label="标签"
          style={{ width: 160 }}
          value={tag}
          onChange={filter(setTag)}
          options={USER_TAGS.map((t) => ({ value: t, label: USER_TAG_LABELS[t] }))}
        />
        <Select<WorkerCategory>
          allowClear
          placeholder="全部身份"
          aria-label="身份"
          style={{ width: 160 }}
          value={category}
          onChange={filter(setCategory)}
          options={WORKER_CATEGORIES.map((c) => ({ value: c, label: WORKER_CATEGORY_LABELS[c] }))}
        />
        <Select<MembershipStatus>
          allowClear
          placeholder="会员状态"
          aria-label="会员状态"
          style={{ width: 140 }}
          value={membership}
          onChange={filter(setMembership)}
          options={MEMBERSHIP_STATUSES.map((m) => ({ value: m, label: MEMBERSHIP_LABELS[m] }))}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<MemberView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: filtered ? '没有符合条件的职工' : '暂无职工' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '姓名', render: (_, m) => m.realName ?? '—' },
          { title: '手机号', render: (_, m) => m.phone ?? '—' },
          { title: '组织', render: (_, m) => m.org?.name ?? '—' },
          { title: '身份', render: (_, m) => (m.category ? WORKER_CATEGORY_LABELS[m.category] : '—') },
          {
            title: '新就业形态认证',
            align: 'center',
            render: (_, m) =>
              m.gigVerified ? (
                <CheckOutlined style={{ color: '#52c41a' }} aria-label="已认证" />
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: '标签',
            render: (_, m) =>
              m.tags.length ? (
                <Space size={[0, 4]} wrap>
                  {m.tags.map((t) => (
                    <Tag key={t} color={TAG_COLORS[t]}>
                      {USER_TAG_LABELS[t]}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: '会员号',
            render: (_, m) => (m.membership === 'member' ? (m.memberNo ?? '—') : <Tag>非会员</Tag>),
          },
          { title: '入会时间', render: (_, m) => formatDay(m.memberSince) },
          {
            title: '操作',
            render: (_, m) => (
              <Button type="link" size="small" onClick={() => setEditing(m)}>
                编辑标签
              </Button>
            ),
          },
        ]}
      />
      <TagsModal
        member={editing}
        onClose={() => setEditing(null)}
        onSaved={(updated) => {
          setEditing(null);
          const current = list.data;
          if (current) list.setData({ ...current, items: current.items.map((m) => (m.id === updated.id ? updated : m)) });
          // A tag filter may no longer match: load the page again so the list stays truthful.
          if (tag) list.reload();
        }}
      />
    </>
  );
}

/** The whole set of a worker's tags, saved at once (reversible, so no extra confirmation). */
function TagsModal({ member, onClose, onSaved }: { member: MemberView | null; onClose: () => void; onSaved: (m: MemberView) => void }) {
  const { message } = App.useApp();
  const [tags, setTags] = useState<UserTag[]>(member?.tags ?? []);
  const [busy, setBusy] = useState(false);
  // Another worker opened: start from their current tags, in this very render (no effect, no flicker).
  const [shownFor, setShownFor] = useState(member);
  if (member !== shownFor) {
    setShownFor(member);
    if (member) setTags(member.tags);
  }

  const save = async () => {
    if (!member) return;
    setBusy(true);
    try {
      const updated = await membersApi.setTags(member.id, tags);
      void message.success('标签已保存');
      onSaved(updated);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={member ? `编辑标签 · ${member.realName ?? member.phone ?? `#${member.id}`}` : ''}
      open={!!member}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => void save()}
    >
      <Typography.Paragraph type="secondary">标签用于福利领取条件等，保存后立即生效，可随时修改。</Typography.Paragraph>
      <Checkbox.Group<UserTag>
        value={tags}
        onChange={setTags}
        options={USER_TAGS.map((t) => ({ value: t, label: USER_TAG_LABELS[t] }))}
      />
    </Modal>
  );
}
