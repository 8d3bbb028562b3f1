// The baseline's SQL for a quiz start and submit: the statements the API's AttemptsRepository and
// SubmissionsRepository issue, in the same transactions, on raw mysql2 pools — the submit's on a pool whose
// connections have autocommit off, as the API's HotTransactions, so its first statement opens it.

const ATTEMPT = `SELECT id, campaign_id AS campaignId, user_id AS userId, drawn, started_at AS startedAt, deadline, status, score
  FROM quiz_attempts`;

const attemptOf = (row) => row && { ...row, drawn: JSON.parse(row.drawn) };

// The users feature's PERSON_SQL (apps/api/src/modules/users/users.repository.ts).
const ORG_PATH = '(SELECT o.path FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = ?)';
const STAFF_NAME =
  "COALESCE((SELECT COALESCE(NULLIF(u.real_name, ''), NULLIF(u.nickname, '')) FROM users u WHERE u.id = ?), '职工')";

export function attemptStatements(pool, transactionPool) {
  transactionPool.on('connection', (connection) => connection.query('SET autocommit = 0'));
  return {
    async facts(userId) {
      const [[row]] = await pool.query(
        `SELECT u.id, u.real_name AS realName, u.nickname, u.membership, o.path AS orgPath, o.name AS orgName
           FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = ?`,
        [userId],
      );
      return row ?? null;
    },

    /** The open attempt (then `{ open }`), none left today (then 'none left'), or the new one (`{ attempt }`). */
    async start(values, perDay) {
      const { campaignId, userId, drawn, day, startedAt, deadline } = values;
      const key = `${campaignId}:${userId}`;
      const [mine] = await pool.query(
        'SELECT id, status, day FROM quiz_attempts WHERE campaign_id = ? AND user_id = ? AND (day = ? OR open_key = ?)',
        [campaignId, userId, day, key],
      );
      const open = mine.find((a) => a.status === 'open');
      if (open) return { open: attemptOf((await pool.query(`${ATTEMPT} WHERE id = ?`, [open.id]))[0][0]) };
      if (mine.filter((a) => a.day === day).length >= perDay) return 'none left';
      const [inserted] = await pool.query(
        'INSERT INTO quiz_attempts (campaign_id, user_id, open_key, drawn, day, started_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [campaignId, userId, key, JSON.stringify(drawn), day, startedAt, deadline],
      );
      return { attempt: { id: inserted.insertId, ...values, status: 'open' } };
    },

    async own(userId, attemptId) {
      const [[row]] = await pool.query(`${ATTEMPT} WHERE id = ? AND user_id = ?`, [attemptId, userId]);
      return attemptOf(row);
    },

    /** Closes the attempt once and records best score, 错题本 and certificate in one transaction; null if closed. */
    async submit(a, s, { wrong, certificate }) {
      const connection = await transactionPool.getConnection();
      try {
        const [closed] = await connection.query(
          `UPDATE quiz_attempts SET status = 'submitted', open_key = NULL, submitted_at = ?, answers = ?, score = ?,
             correct_count = ?, duration_seconds = ?, late = ? WHERE id = ? AND status = 'open'`,
          [s.now, JSON.stringify(s.answers), s.score, s.correct, s.duration, s.late, a.id],
        );
        if (!closed.affectedRows) {
          await connection.query('COMMIT');
          connection.release();
          return null;
        }
        const better =
          'VALUES(best_score) > best_score OR (VALUES(best_score) = best_score AND VALUES(best_duration) < best_duration)';
        await connection.query(
          `INSERT INTO quiz_participants (campaign_id, user_id, org_path, best_score, best_duration, best_at)
           VALUES (?, ?, ${ORG_PATH}, ?, ?, ?) ON DUPLICATE KEY UPDATE
             best_at = IF(${better}, VALUES(best_at), best_at),
             best_duration = IF(${better}, VALUES(best_duration), best_duration),
             best_score = GREATEST(best_score, VALUES(best_score))`,
          [a.campaignId, a.userId, a.userId, s.score, s.duration, s.now],
        );
        if (wrong.length) {
          await connection.query(
            `INSERT INTO quiz_mistakes (user_id, question_id, campaign_id, wrong_count, last_wrong_at)
             VALUES ${wrong.map(() => '(?, ?, ?, 1, ?)').join(', ')}
             ON DUPLICATE KEY UPDATE wrong_count = wrong_count + 1, last_wrong_at = VALUES(last_wrong_at)`,
            wrong.flatMap((questionId) => [a.userId, questionId, a.campaignId, s.now]),
          );
        }
        let certificateSerial = null;
        if (certificate) {
          certificateSerial = await connection
            .query(
              `INSERT INTO quiz_certificates (serial, campaign_id, user_id, attempt_id, name, score, issued_at)
               VALUES (?, ?, ?, ?, ${STAFF_NAME}, ?, ?)`,
              [certificate, a.campaignId, a.userId, a.id, a.userId, s.score, s.now],
            )
            .then(
              () => certificate,
              (error) => {
                if (error.errno !== 1062) throw error;
                return undefined; // already certified
              },
            );
        }
        await connection.query('COMMIT');
        connection.release();
        return { certificateSerial };
      } catch (error) {
        await connection.query('ROLLBACK').then(
          () => connection.release(),
          () => connection.destroy(),
        );
        throw error;
      }
    },
  };
}
