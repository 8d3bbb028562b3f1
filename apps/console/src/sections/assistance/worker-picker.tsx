import type { MemberView, RegisterEntryView } from '@jingcai/shared';
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Select } from '../../components/select';
import { useRequest } from '../../hooks/use-request';
import { assistanceApi } from '../../services/assistance';
import { membersApi } from '../../services/members';

/** What a Form.Item hands the control it wraps. */
interface PickerProps {
  id?: string;
  value?: number;
  onChange?: (userId: number | undefined) => void;
}

interface Option {
  value: number;
  label: string;
}

/** Waits this long after the last key before asking the directory, so typing a name is one request. */
const SEARCH_DELAY_MS = 300;

const NOT_FOUND = {
  idle: '输入姓名或完整手机号查找',
  found: '本组织及下级组织中没有找到该职工（按手机号查找须输入完整的 11 位号码）',
  failed: '查找失败，请稍后重试',
} as const;

const memberOption = (m: MemberView): Option => ({
  value: m.id,
  label: [m.realName ?? '未填姓名', m.org?.name, m.phone].filter(Boolean).join(' · '),
});

/**
 * Picks a worker of the staff member's subtree from the member directory (the API keeps to the subtree):
 * by part of the name, or a whole mobile number, which the API matches on its keyed hash only.
 */
export function WorkerPicker({ id, value, onChange }: PickerProps) {
  const [options, setOptions] = useState<Option[]>([]);
  const [status, setStatus] = useState<'idle' | 'searching' | 'found' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Only the latest search may fill the list: a slow answer for 王 never replaces the one for 王芳.
  const latest = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (typed: string) => {
    const q = typed.trim();
    clearTimeout(timer.current);
    const ticket = ++latest.current;
    // An emptied box (antd empties it once a worker is picked) keeps the list, so the pick keeps its label.
    if (!q) {
      setStatus('idle');
      return;
    }
    setStatus('searching');
    timer.current = setTimeout(() => {
      membersApi.list({ q, page: 1, pageSize: 20 }).then(
        (page) => {
          if (ticket !== latest.current) return;
          setOptions(page.items.map(memberOption));
          setStatus('found');
        },
        () => {
          if (ticket !== latest.current) return;
          setOptions([]);
          setStatus('failed');
        },
      );
    }, SEARCH_DELAY_MS);
  };

  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={search}
      options={options}
      placeholder="输入姓名或完整手机号查找"
      notFoundContent={status === 'searching' ? <Spin size="small" /> : NOT_FOUND[status]}
    />
  );
}

/** Every family on the register in the caller's subtree: the register is listed a page at a time. */
async function activeFamilies(): Promise<RegisterEntryView[]> {
  const families: RegisterEntryView[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await assistanceApi.register({ status: 'active', page, pageSize: 100 });
    families.push(...items);
    if (items.length === 0 || families.length >= total) return families;
  }
}

/** Picks a family on the register (建档) in the caller's subtree, searchable by name: only they may have a 微心愿. */
export function FamilyPicker({ id, value, onChange }: PickerProps) {
  const families = useRequest(activeFamilies);
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      optionFilterProp="label"
      loading={families.loading}
      placeholder="选择建档职工（可输入姓名查找）"
      notFoundContent={families.error ? '建档名单加载失败，请关闭后重试' : '没有在档的困难职工家庭'}
      options={(families.data ?? []).map((e) => ({ value: e.userId, label: `${e.name}（${e.org.name}）` }))}
    />
  );
}
