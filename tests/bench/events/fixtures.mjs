// Database fixtures for the sign-up rush: a first-come health check (体检) with one session, inserted as the
// console would leave it. The org and the workers (with their tokens) are claims' fixtures.

/** The event's form: one required choice, so each sign-up's answers are checked as a real one's are. */
export const FORM = [
  {
    key: 'package',
    label: '体检套餐',
    type: 'choice',
    required: true,
    options: ['基础套餐', '女性套餐'],
  },
];
export const ANSWERS = [{ key: 'package', value: '基础套餐' }];

/**
 * A first-come event open for sign-up now (for an hour either side), for verified couriers and riders, one
 * per person, with one session tomorrow of `capacity` places. Answers the event's and the session's ids.
 */
export async function seedEvent(db, orgId, title, capacity) {
  const now = Date.now();
  const at = (hours) => new Date(now + hours * 3600_000);
  const [event] = await db.query(
    `INSERT INTO events (title, kind, description, venue, latitude, longitude, owner_org_id, eligible_categories,
       gig_verified_required, eligible_tags, members_only, audience_org_id, allocation, signup_starts_at,
       signup_ends_at, cancel_deadline, per_person_limit, form_json, starts_at, ends_at, created_by)
     VALUES (?, 'health_check', '压测用活动', '压测体检中心', 32.2, 119.45, ?, 'courier,delivery_rider', 1, '', 0,
       NULL, 'first_come', ?, ?, ?, 1, ?, ?, ?, 0)`,
    [title, orgId, at(-1), at(1), at(20), JSON.stringify(FORM), at(24), at(24.5)],
  );
  const [session] = await db.query(
    `INSERT INTO event_sessions (event_id, label, starts_at, ends_at, capacity, remaining, venue_secret)
     VALUES (?, '8:00–8:30', ?, ?, ?, ?, ?)`,
    [event.insertId, at(24), at(24.5), capacity, capacity, 'bench-venue-secret'],
  );
  return { eventId: event.insertId, sessionId: session.insertId };
}

/** The invariants the rush must keep, read straight from the database. */
export async function signupOutcome(db, sessionId) {
  const [[counts]] = await db.query(
    `SELECT SUM(status = 'confirmed') AS confirmed, SUM(status = 'pending') AS pending, COUNT(*) AS total,
       COUNT(DISTINCT user_id) AS people FROM event_signups WHERE session_id = ?`,
    [sessionId],
  );
  const [[{ remaining }]] = await db.query('SELECT remaining FROM event_sessions WHERE id = ?', [sessionId]);
  return {
    confirmed: Number(counts.confirmed ?? 0),
    pending: Number(counts.pending ?? 0),
    doubled: Number(counts.total) - Number(counts.people),
    remaining: Number(remaining),
  };
}
