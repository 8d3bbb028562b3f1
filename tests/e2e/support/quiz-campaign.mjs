/**
 * A journey's own quiz campaign, set up by the seeded admin through the API so reruns against the same
 * database start fresh: a bank of judge questions (answer A = 正确), open to everyone from an hour ago.
 */
import assert from 'node:assert/strict';
import { apiCall, apiLogin } from './browser.mjs';

const ADMIN_OPENID = 'demo-admin';
const OWNER_ORG = '京口区总工会';
const HOUR_MS = 3600_000;

/** `questions`: `{ stem, explanation }` each; returns the published campaign. */
export async function createJudgeCampaign({ title, rules, questions, secondsPerAttempt }) {
  const { accessToken: token } = await apiLogin(ADMIN_OPENID);
  const orgs = await apiCall('GET', `/orgs?q=${encodeURIComponent(OWNER_ORG)}`, { token });
  const district = orgs.items.find((org) => org.name === OWNER_ORG);
  assert.ok(district, `the seeded org ${OWNER_ORG}`);

  const now = Date.now();
  const bank = await apiCall('POST', '/quiz/banks', { token, body: { name: `${title}题库`, ownerOrgId: district.id } });
  for (const { stem, explanation } of questions) {
    await apiCall('POST', `/quiz/banks/${bank.id}/questions`, {
      token,
      body: {
        type: 'judge',
        stem,
        options: [
          { key: 'A', text: '正确' },
          { key: 'B', text: '错误' },
        ],
        answer: ['A'],
        explanation,
        tags: ['旅程'],
        difficulty: 1,
      },
    });
  }
  const draft = await apiCall('POST', '/quiz/campaigns', {
    token,
    body: {
      title,
      coverUrl: null,
      rules,
      startsAt: new Date(now - HOUR_MS).toISOString(),
      endsAt: new Date(now + 24 * HOUR_MS).toISOString(),
      audienceOrgId: null,
      membersOnly: false,
      draw: [{ bankId: bank.id, type: 'judge', count: questions.length }],
      shuffleOptions: false,
      secondsPerAttempt,
      attemptsPerDay: 3,
      passScore: 60,
      ownerOrgId: district.id,
    },
  });
  return apiCall('POST', `/quiz/campaigns/${draft.id}/publish`, { token });
}
