import type { ScriptedClaim } from './care';
import type { ScriptedQuestion } from './legal';
import type { Person } from './people';
import type { ScriptedAttempts } from './quiz';
import type { ScriptedReading } from './reading';

/**
 * The demo users' stories (docs/demo.md tells them): which of them are members, their quiz attempts, reading
 * days, claims and legal questions. Offsets are days from today (Asia/Shanghai).
 */
export const DEMO_MEMBERS: Record<string, string> = {
  'demo-worker': 'JK2021000101',
  'demo-model-worker': 'JK2015000102',
  'demo-courier': 'JK2024000103',
  'demo-rider': 'JK2024000104',
};

/** 张伟's twelve-day run: ended yesterday, so today's check-in makes it thirteen. */
const ZHANG_WEI_DAYS = [-30, -29, -27, -24, -22, -19, -17, -15, ...Array.from({ length: 12 }, (_, i) => i - 12)];

export interface Stories {
  attempts: ScriptedAttempts[];
  reading: ScriptedReading[];
  claims: ScriptedClaim[];
  questions: ScriptedQuestion[];
}

/** `who(openid)`: the demo user's person; `ids`: the lawyer's and the street's staff member's user ids. */
export function demoStories(
  who: (openid: string) => Person,
  ids: { lawyer: number; streetStaff: number },
  street: { waiting: Person; overdue: Person },
): Stories {
  const zhangWei = who('demo-worker');
  const liuFang = who('demo-model-worker');
  const zhaoQiang = who('demo-courier');
  const sunLei = who('demo-rider');
  return {
    attempts: [
      { person: zhangWei, open: [{ day: -3, correct: 7 }, { day: -1, correct: 9 }], ended: [{ day: -60, correct: 8 }] },
      { person: liuFang, open: [{ day: -12, correct: 10 }], ended: [{ day: -68, correct: 10 }] },
      { person: zhaoQiang, open: [{ day: -2, correct: 5 }], ended: [] },
    ],
    reading: [
      { person: zhangWei, days: ZHANG_WEI_DAYS },
      // 刘芳 has read every day but four since the season opened.
      { person: liuFang, days: Array.from({ length: 40 }, (_, i) => i - 39).filter((d) => ![-33, -26, -18, -5].includes(d)) },
    ],
    claims: [
      { person: zhangWei, benefit: '会员新春慰问品', station: 'dashikou', status: 'claimed', daysAgo: 2 },
      { person: zhaoQiang, benefit: '暖新礼包', station: 'dashikou', status: 'redeemed', daysAgo: 12 },
      { person: sunLei, benefit: '暖新礼包', station: 'riders', status: 'claimed', daysAgo: 1 },
    ],
    questions: [
      // 黄律师's two questions due: asked today and yesterday.
      { person: sunLei, scenario: 5, daysAgo: 0, status: 'assigned', assigneeId: ids.lawyer },
      { person: who('demo-domestic'), scenario: 13, daysAgo: 1, status: 'assigned', assigneeId: ids.lawyer },
      { person: who('demo-driver'), scenario: 12, daysAgo: 3, status: 'answered', assigneeId: ids.lawyer },
      { person: zhaoQiang, scenario: 6, daysAgo: 30, status: 'closed', assigneeId: ids.lawyer },
      // The street's overdue work: one nobody took, one its staff member has not answered.
      { person: street.waiting, scenario: 1, daysAgo: 8, status: 'new', assigneeId: null },
      { person: street.overdue, scenario: 10, daysAgo: 7, status: 'assigned', assigneeId: ids.streetStaff },
    ],
  };
}
