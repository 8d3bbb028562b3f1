// Authorization rows of the dashboard's stats routes (issue 21): staff of the first street read the figures
// of what reaches their subtree; the other street's staff get the 404 of something that is not there.
import { STAFF_LIST, STAFF_SCOPED, type Row } from '../matrix-presets';

export const ROWS: Record<string, Row> = {
  'GET /api/quiz/stats': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ query: { campaignId: (await w.campaign()).id, days: 14 } }),
  },
  'GET /api/reading/stats': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ query: { seasonId: (await w.season()).id, days: 14 } }),
  },
  'GET /api/care/stats': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ query: { benefitId: (await w.benefit()).id, days: 14 } }),
  },
  'GET /api/legal/stats': {
    expect: STAFF_LIST(),
    call: () => ({ query: { weeks: 8 } }),
  },
};
