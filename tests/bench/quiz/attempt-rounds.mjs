// Start + submit, the API against the baseline server (baseline-server.mjs) on the same data in the same run:
// each side warms up with BENCH_WARM_UP_ROUNDS uncounted rounds (2), then the two take turns for BENCH_ROUNDS
// rounds (3) of BENCH_PER_ROUND start + submits (1,000) at 50 workers; each figure is the median of its rounds.
// Every round's workers are new to the round (taken in turn from the seeded ones, who already have a best).
import { cpuSeconds, cpuTrend, measure, median, statementsSoFar } from '../support.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_ROUNDS = Number(process.env.BENCH_WARM_UP_ROUNDS ?? 2);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 1_000);
const CONCURRENCY = 50;

/** One round: PER_ROUND workers each start an attempt and submit every answer right. */
async function round(side, db, { campaignId, answers, nextUser }) {
  const statementsBefore = await statementsSoFar(db);
  const cpuBefore = cpuSeconds(side.pid);
  const first = nextUser(PER_ROUND);
  const run = await measure(CONCURRENCY, PER_ROUND, async (i) => {
    const user = first + i;
    const started = await side.client.post(`/quiz/campaigns/${campaignId}/attempts`, user, {});
    if (started.status !== 201) return false;
    const { attemptId, questions } = await started.json();
    if (questions.some((q) => 'answer' in q)) throw new Error('an answer was sent before the submit');
    // As the mini-program sends them: one answer per drawn question (all right, as the bank keeps the
    // options in order).
    const mine = questions.map((q) => ({ questionId: q.id, choice: [answers.get(q.id)] }));
    const submitted = await side.client.post(`/quiz/attempts/${attemptId}/submit`, user, { answers: mine });
    return submitted.status === 201 && (await submitted.json()).score === 100;
  });
  return {
    ...run,
    cpuMs: ((cpuSeconds(side.pid) - cpuBefore) * 1000) / PER_ROUND,
    statements: ((await statementsSoFar(db)) - statementsBefore - 1) / PER_ROUND,
  };
}

/** `sides`: [{ name, pid, client }]; answers every side's rounds and prints each as it ends. */
export async function attemptRounds(sides, db, job) {
  for (const side of sides) {
    side.rounds = [];
    for (let i = 1; i <= WARM_UP_ROUNDS; i++) {
      const r = await round(side, db, job);
      console.log(
        `  warm-up ${i} ${side.name.padEnd(8)} ${r.perSecond.toFixed(0)} /s, CPU ${r.cpuMs.toFixed(2)} ms (not counted)`,
      );
    }
  }
  for (let i = 1; i <= ROUNDS; i++) {
    for (const side of sides) {
      const r = await round(side, db, job);
      side.rounds.push(r);
      console.log(
        `  round ${i} ${side.name.padEnd(8)} ${r.perSecond.toFixed(0)} /s, p50 ${r.p50.toFixed(1)} ms, CPU ${r.cpuMs.toFixed(2)} ms, ${r.statements.toFixed(2)} statements${r.failures ? `, ${r.failures} FAILED` : ''}`,
      );
    }
  }
}

export function reportAttempts([api, baseline]) {
  const mid = (side, key) => median(side.rounds.map((r) => r[key]));
  const line = (k, v) => console.log(`  ${k.padEnd(44)} ${v}`);
  console.log(
    `\nstart + submit, ${CONCURRENCY} workers, median of ${ROUNDS} rounds of ${PER_ROUND} (API | baseline)`,
  );
  line('throughput', `${mid(api, 'perSecond').toFixed(0)} /s | ${mid(baseline, 'perSecond').toFixed(0)} /s`);
  line('ratio API / baseline (≥ 0.70)', (mid(api, 'perSecond') / mid(baseline, 'perSecond')).toFixed(2));
  line(
    'SQL statements per start + submit (≤ 6)',
    `${mid(api, 'statements').toFixed(2)} | ${mid(baseline, 'statements').toFixed(2)}`,
  );
  line(
    'server CPU per start + submit',
    `${mid(api, 'cpuMs').toFixed(2)} ms | ${mid(baseline, 'cpuMs').toFixed(2)} ms`,
  );
  line('API CPU per start + submit by round', cpuTrend(api.rounds.map((r) => r.cpuMs)));
  line('baseline CPU by round', cpuTrend(baseline.rounds.map((r) => r.cpuMs)));
  return api.rounds.some((r) => r.failures) || baseline.rounds.some((r) => r.failures);
}
