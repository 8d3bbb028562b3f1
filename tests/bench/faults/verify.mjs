// What must hold after the faults, read straight from the database and set against what the workers were
// told. Each check is { label, value, ok }; the run fails when any is not ok.

/** The claim waves: nothing lost, nothing doubled, stock and claims agreeing, benefit by benefit. */
export async function checkClaims(db, waves) {
  const benefitIds = waves.map((w) => w.benefitId);
  const [benefits] = await db.query(
    `SELECT b.id, b.total_stock AS total, b.remaining_stock AS remaining, COUNT(c.id) AS active
       FROM care_benefits b LEFT JOIN care_claims c ON c.benefit_id = b.id AND c.status IN ('claimed', 'redeemed')
      WHERE b.id IN (?) GROUP BY b.id`,
    [benefitIds],
  );
  const [claims] = await db.query(
    "SELECT id, benefit_id, user_id FROM care_claims WHERE benefit_id IN (?) AND status <> 'pending'",
    [benefitIds],
  );
  // A claim whose instance died between its INSERT and taking its pack stays pending until the worker's
  // retry finishes it; every tap here is retried until answered, so none should be left.
  const [[{ pending }]] = await db.query(
    "SELECT COUNT(*) AS pending FROM care_claims WHERE benefit_id IN (?) AND status = 'pending'",
    [benefitIds],
  );
  const stockTotal = benefits.reduce((n, b) => n + Number(b.total), 0);
  const activeTotal = benefits.reduce((n, b) => n + Number(b.active), 0);
  const remainingTotal = benefits.reduce((n, b) => n + Number(b.remaining), 0);
  const unbalanced = benefits.filter((b) => Number(b.remaining) + Number(b.active) !== Number(b.total));
  const perWorker = new Map();
  for (const c of claims) {
    const key = `${c.benefit_id}:${c.user_id}`;
    perWorker.set(key, [...(perWorker.get(key) ?? []), c.id]);
  }
  const doubled = [...perWorker.values()].filter((ids) => ids.length > 1).length;

  let toldButMissing = 0;
  let toldTwoClaims = 0;
  let unanswered = 0;
  const told = new Set();
  for (const wave of waves) {
    for (const { userId, tries } of wave.outcomes) {
      unanswered += tries.filter((t) => t.status === null).length;
      const ids = new Set(tries.map((t) => t.claimId).filter((id) => id !== null));
      if (ids.size > 1) toldTwoClaims++;
      for (const id of ids) {
        if (!(perWorker.get(`${wave.benefitId}:${userId}`) ?? []).includes(id)) toldButMissing++;
      }
      if (ids.size) told.add(`${wave.benefitId}:${userId}`);
    }
  }
  const neverTold = [...perWorker.keys()].filter((key) => !told.has(key)).length;
  return [
    {
      label: 'claims created',
      value: `${claims.length} (stock ${stockTotal})`,
      ok: claims.length === stockTotal,
    },
    { label: 'workers with more than one claim on a benefit', value: doubled, ok: doubled === 0 },
    {
      label: 'claims left pending (cut off, never finished)',
      value: Number(pending),
      ok: Number(pending) === 0,
    },
    {
      label: 'stock left + active claims = initial stock',
      value: `${remainingTotal} + ${activeTotal} vs ${stockTotal}${unbalanced.length ? ` (${unbalanced.length} benefit(s) off)` : ''}`,
      ok: unbalanced.length === 0,
    },
    {
      label: 'claims a worker was shown but not in the database',
      value: toldButMissing,
      ok: toldButMissing === 0,
    },
    { label: 'workers shown two different claims', value: toldTwoClaims, ok: toldTwoClaims === 0 },
    { label: 'claims whose worker never heard of them', value: neverTold, ok: neverTold === 0 },
    { label: 'claim taps left without an answer', value: unanswered, ok: unanswered === 0 },
  ];
}

/**
 * The quiz: an attempt scored twice would show as two 201s to one double-tapped 交卷, two different scores,
 * or — in the database — its wrong answers counted twice in the 错题本 (recorded in the same transaction as
 * the score). Mistakes are recomputed from the stored answers, so an attempt whose side effects ran twice
 * (or not at all) is caught even when no client saw it.
 */
export async function checkQuiz(db, campaignId, loop) {
  const [attempts] = await db.query(
    'SELECT id, user_id, status, open_key, answers, drawn, score, late FROM quiz_attempts WHERE campaign_id = ?',
    [campaignId],
  );
  const drawnIds = [...new Set(attempts.flatMap((a) => JSON.parse(a.drawn).map((d) => d.id)))];
  const [questions] = drawnIds.length
    ? await db.query('SELECT id, answer FROM quiz_questions WHERE id IN (?)', [drawnIds])
    : [[]];
  const answerOf = new Map(questions.map((q) => [q.id, q.answer]));
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const submitted = attempts.filter((a) => a.status === 'submitted');
  const inconsistent = attempts.filter((a) =>
    a.status === 'submitted' ? a.open_key !== null || a.score === null : a.open_key === null,
  ).length;
  const open = attempts.length - submitted.length;

  const expectedMistakes = new Map();
  const bestOf = new Map();
  for (const a of submitted) {
    bestOf.set(a.user_id, Math.max(bestOf.get(a.user_id) ?? -1, a.score));
    if (a.late) continue;
    const choices = JSON.parse(a.answers ?? '{}');
    for (const d of JSON.parse(a.drawn)) {
      const choice = choices[d.id] ?? [];
      if (choice.length && !sameKeys(choice, shown(answerOf.get(d.id), d.order))) {
        const key = `${a.user_id}:${d.id}`;
        expectedMistakes.set(key, (expectedMistakes.get(key) ?? 0) + 1);
      }
    }
  }
  const [mistakes] = await db.query(
    'SELECT user_id, question_id, wrong_count FROM quiz_mistakes WHERE campaign_id = ?',
    [campaignId],
  );
  let countedTwice = 0;
  let notCounted = 0;
  const seen = new Set();
  for (const m of mistakes) {
    const key = `${m.user_id}:${m.question_id}`;
    seen.add(key);
    const expected = expectedMistakes.get(key) ?? 0;
    if (m.wrong_count > expected) countedTwice += m.wrong_count - expected;
    if (m.wrong_count < expected) notCounted += expected - m.wrong_count;
  }
  for (const [key, expected] of expectedMistakes) if (!seen.has(key)) notCounted += expected;

  const [participants] = await db.query(
    'SELECT user_id, best_score FROM quiz_participants WHERE campaign_id = ?',
    [campaignId],
  );
  const bestWrong =
    participants.filter((p) => bestOf.get(p.user_id) !== p.best_score).length +
    Math.max(0, bestOf.size - participants.length);

  let doubleCreated = 0;
  let scoresDiffer = 0;
  let lost = 0;
  let unanswered = 0;
  for (const a of loop.attempts) {
    unanswered += a.statuses.filter((s) => s === null).length;
    if (a.statuses.filter((s) => s === 201).length > 1) doubleCreated++;
    const scores = a.scores.filter((s) => s !== null);
    if (new Set(scores).size > 1) scoresDiffer++;
    const stored = byId.get(a.attemptId);
    if (scores.length && (stored?.status !== 'submitted' || stored.score !== scores[0])) lost++;
  }
  const scoredTwice = doubleCreated + scoresDiffer + countedTwice;
  return [
    {
      label: 'attempts submitted',
      value: `${submitted.length} (workers told of ${loop.attempts.length})`,
      ok: submitted.length === loop.attempts.length,
    },
    {
      label: 'attempts scored twice',
      value: `${scoredTwice} (two 201s ${doubleCreated}, two scores ${scoresDiffer}, 错题 counted twice ${countedTwice})`,
      ok: scoredTwice === 0,
    },
    { label: 'submits shown a score the database lacks', value: lost, ok: lost === 0 },
    { label: '错题 of a scored attempt not recorded', value: notCounted, ok: notCounted === 0 },
    { label: 'leaderboard best ≠ best submitted score', value: bestWrong, ok: bestWrong === 0 },
    {
      label: 'attempts left open / inconsistent',
      value: `${open} / ${inconsistent}`,
      ok: open === 0 && inconsistent === 0,
    },
    {
      label: 'quiz actions without an answer',
      value: unanswered + loop.failures.length,
      ok: unanswered + loop.failures.length === 0,
    },
  ];
}

/** Original answer keys → the letters they were shown under. */
function shown(answer, order) {
  const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
  return answer
    .split('')
    .map((k) => letters[order.indexOf(k)])
    .sort();
}

function sameKeys(a, b) {
  return a.length === b.length && [...a].sort().every((k, i) => k === b[i]);
}
