// A published quiz campaign straight in the database, for the benchmarks: 30 judge questions in one bank,
// 10 drawn per attempt, options kept in order (a client can answer by the original keys), and a daily
// limit no worker reaches.
export async function seedJudgeCampaign(
  db,
  { ownerOrgId, title, opensAt = new Date(Date.now() - 3600_000) },
) {
  const [bank] = await db.query('INSERT INTO quiz_banks (name, owner_org_id) VALUES (?, ?)', [
    `${title}题库`,
    ownerOrgId,
  ]);
  const options = JSON.stringify([
    { key: 'A', text: '正确' },
    { key: 'B', text: '错误' },
  ]);
  const rows = Array.from({ length: 30 }, (_, i) => [
    bank.insertId,
    'judge',
    `判断题 ${i}`,
    options,
    i % 2 ? 'A' : 'B',
    '解析',
    '',
    3,
  ]);
  await db.query(
    'INSERT INTO quiz_questions (bank_id, type, stem, options, answer, explanation, tags, difficulty) VALUES ?',
    [rows],
  );
  const [questions] = await db.query('SELECT id, answer FROM quiz_questions WHERE bank_id = ?', [
    bank.insertId,
  ]);
  const now = Date.now();
  const [campaign] = await db.query(
    `INSERT INTO quiz_campaigns (title, rules, starts_at, ends_at, members_only, draw, shuffle_options, seconds_per_attempt,
       attempts_per_day, pass_score, status, owner_org_id, created_by)
     VALUES (?, '', ?, ?, 0, ?, 0, 600, 100000, 60, 'published', ?, 0)`,
    [
      title,
      opensAt,
      new Date(now + 86400_000),
      JSON.stringify([{ bankId: bank.insertId, type: 'judge', count: 10 }]),
      ownerOrgId,
    ],
  );
  return {
    campaignId: campaign.insertId,
    questions,
    answers: new Map(questions.map((q) => [q.id, q.answer])),
  };
}
