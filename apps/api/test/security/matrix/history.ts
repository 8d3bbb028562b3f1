// Issue 21, a worker's own history: every signed-in caller reads their own attempts and certificates, and the
// campaigns of their own audience that are over; the lists are keyed on the caller, so there is no one else's
// record to refuse. The worker's fixtures (a submitted, passing attempt; a campaign of the first street that staff ended) make
// the worker's answers non-empty.
import { SIGNED_IN, type Row } from '../matrix-presets';

export const ROWS: Record<string, Row> = {
  'GET /api/quiz/attempts/mine': {
    expect: SIGNED_IN(),
    call: async (w) => {
      await w.submitted();
      return { query: { page: 1, pageSize: 10 } };
    },
  },
  'GET /api/quiz/certificates/mine': {
    expect: SIGNED_IN(),
    call: async (w) => {
      await w.submitted();
      return {};
    },
  },
  'GET /api/quiz/campaigns/past': {
    expect: SIGNED_IN(),
    call: async (w) => {
      const campaign = await w.campaign();
      await w.as('admin', 'post', `/api/quiz/campaigns/${campaign.id}/end`).expect(201);
      return { query: { page: 1, pageSize: 10 } };
    },
  },
};
