// The quiz bench's data: 20,000 workers (BENCH_WORKERS) in 60 orgs and 100,000 submitted attempts
// (BENCH_ATTEMPTS) of a published judge campaign, with each worker's best on the leaderboard table.
import { seedOrgTree, seedWorkersIn } from '../support.mjs';
import { seedJudgeCampaign } from './campaign.mjs';

export async function seedQuiz(pool, { WORKERS, ATTEMPTS }) {
  const { districtId, leaves, orgCount } = await seedOrgTree(pool);
  const firstUser = await seedWorkersIn(pool, leaves, WORKERS, 'quizbench');
  const { campaignId, questions } = await seedJudgeCampaign(pool, {
    ownerOrgId: districtId,
    title: '压测答题',
    opensAt: new Date(Date.now() - 86400_000),
  });
  const now = Date.now();
  const drawn = JSON.stringify(questions.slice(0, 10).map((q) => ({ id: q.id, order: ['A', 'B'] })));
  const best = new Map();
  for (let i = 0; i < ATTEMPTS; i += 5000) {
    const rows = [];
    for (let j = i; j < Math.min(ATTEMPTS, i + 5000); j++) {
      const user = firstUser + (j % WORKERS);
      const score = 10 * ((j * 7919) % 11);
      const duration = 30 + ((j * 104729) % 500);
      const started = new Date(now - 3600_000 + j);
      rows.push([
        campaignId,
        user,
        drawn,
        '2026-11-24',
        started,
        new Date(started.getTime() + 600_000),
        'submitted',
        started,
        '{}',
        score,
        score / 10,
        duration,
        0,
      ]);
      const b = best.get(user);
      if (!b || score > b.score || (score === b.score && duration < b.duration))
        best.set(user, { score, duration, at: started });
    }
    await pool.query(
      'INSERT INTO quiz_attempts (campaign_id, user_id, drawn, day, started_at, deadline, status, submitted_at, answers, score, correct_count, duration_seconds, late) VALUES ?',
      [rows],
    );
  }
  const participantRows = [...best].map(([user, b]) => [
    campaignId,
    user,
    leaves[(user - firstUser) % leaves.length].path,
    b.score,
    b.duration,
    b.at,
  ]);
  for (let i = 0; i < participantRows.length; i += 5000) {
    await pool.query(
      'INSERT INTO quiz_participants (campaign_id, user_id, org_path, best_score, best_duration, best_at) VALUES ?',
      [participantRows.slice(i, i + 5000)],
    );
  }
  return { campaignId, firstUser, questions, orgCount };
}
