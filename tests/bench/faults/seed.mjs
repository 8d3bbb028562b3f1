// The quiz campaign of the fault run: 30 judge questions in one bank, 10 drawn per attempt, options kept
// in order (so the client can answer by the original keys), and a daily limit no worker reaches — every
// worker takes the quiz again and again while the faults happen.
export async function seedQuiz(db, orgId) {
  const [bank] = await db.query('INSERT INTO quiz_banks (name, owner_org_id) VALUES (?, ?)', [
    '故障演练题库',
    orgId,
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
     VALUES ('故障演练答题', '', ?, ?, 0, ?, 0, 600, 100000, 60, 'published', ?, 0)`,
    [
      new Date(now - 3600_000),
      new Date(now + 86400_000),
      JSON.stringify([{ bankId: bank.insertId, type: 'judge', count: 10 }]),
      orgId,
    ],
  );
  return { campaignId: campaign.insertId, answers: new Map(questions.map((q) => [q.id, q.answer])) };
}
