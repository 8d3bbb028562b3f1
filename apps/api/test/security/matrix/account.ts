// Personal-data rights (issue 19). Deleting an account or withdrawing consent is done by a stand-in with
// the role's grants, so the world's people keep their accounts for every other row.
import { DELETION_CONFIRMATION } from '@jingcai/shared';
import { SIGNED_IN, standIn, type Row } from '../matrix-presets';

export const ROWS: Record<string, Row> = {
  // Everyone signed in gets a copy of their own data, and only theirs (account.e2e-spec.ts).
  'GET /api/me/data-export': { expect: SIGNED_IN() },
  'POST /api/me/deletion': {
    expect: SIGNED_IN(),
    call: async (w, role) => ({ body: { confirmation: DELETION_CONFIRMATION }, actor: await standIn(w, role) }),
  },
  'POST /api/me/consent/withdraw': {
    expect: SIGNED_IN(),
    call: async (w, role) => ({ actor: await standIn(w, role) }),
  },
};
