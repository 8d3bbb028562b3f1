// 投诉建议 (issue 19): the sender, and staff whose subtree holds the sender's org (admins: all).
import { NOT_ON_OWN, OWNER, SIGNED_IN, STAFF_LIST, own, type Row } from '../matrix-presets';

export const ROWS: Record<string, Row> = {
  'POST /api/feedback': {
    expect: SIGNED_IN(),
    call: () => ({ body: { category: 'suggestion', text: '希望服务站延长开放时间', wantsContact: false } }),
  },
  'GET /api/feedback/mine': { expect: SIGNED_IN() },
  'GET /api/feedback': { expect: STAFF_LIST() },
  'GET /api/feedback/{id}': {
    expect: OWNER({ staffIn: 'ok', admin: 'ok' }),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.feedback(owner)).id }, actor };
    },
  },
  // Staff in scope reply; another street's staff get the 404 of a missing id; nobody replies to their own.
  'POST /api/feedback/{id}/reply': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.feedback(owner)).id }, body: { text: '感谢建议，已转交服务站处理。' }, actor };
    },
  },
};
