// What every rows file of the authorization matrix shares: the call shape, the expected outcomes by role,
// and the helpers that give `self` a record of their own.
import type request from 'supertest';
import { ROLES, type MatrixRole, type Person, type World } from './world';

/** `ok`: a 2xx answer; a number: exactly that status (the same 404 as a missing id where privacy hides). */
export type Outcome = 'ok' | 401 | 403 | 404;
export type Expectation = Record<MatrixRole, Outcome>;

/** What to send: path parameters, query, JSON body or one multipart file; `actor` stands in for the role. */
export interface Call {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: object;
  file?: { field: string; name: string; content: Buffer; fields?: Record<string, string> };
  /** A URL the API handed out (path and signed query), called as is instead of the route's path. */
  url?: string;
  actor?: Person;
}

export interface Row {
  expect: Expectation;
  /**
   * Builds the request. Reads (GET) build it once for all roles; everything else once per role, on fresh
   * fixtures, so that one role's success (a publish, a cancel) cannot turn into another role's refusal.
   */
  call?: (w: World, role: MatrixRole) => Call | Promise<Call>;
}

/** Sends `call` to `route` (`METHOD /path/{param}`) as `role`, or as the call's own actor. */
export function callRoute(w: World, route: string, role: MatrixRole, call: Call): Promise<request.Response> {
  const [method, path] = route.split(' ') as [string, string];
  const url =
    call.url ??
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = call.params?.[name];
      if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
      return encodeURIComponent(String(value));
    });
  let req = w.as(call.actor ?? role, method.toLowerCase() as 'get', url);
  if (call.query && Object.keys(call.query).length) req = req.query(call.query);
  if (call.file) {
    for (const [name, value] of Object.entries(call.file.fields ?? {})) req = req.field(name, value);
    return req.attach(call.file.field, call.file.content, call.file.name);
  }
  // Serialised here: supertest would refuse a bare number or boolean as a body (the bad-input suite sends them).
  return call.body === undefined ? req : req.type('application/json').send(JSON.stringify(call.body));
}

export const outcomes = (base: Outcome[], overrides: Partial<Expectation> = {}): Expectation => ({
  ...(Object.fromEntries(ROLES.map((role, i) => [role, base[i]])) as Expectation),
  ...overrides,
});
// `self` is staff of the first street and a worker of its enterprise: rows about a record that has an owner
// give `self` a record of their own (see `own`), so its column says what staff may do with their own records.
//                       anonymous worker otherWorker staffIn staffOut lawyer admin self
export const PUBLIC = (o?: Partial<Expectation>) => outcomes(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], o);
export const SIGNED_IN = (o?: Partial<Expectation>) => outcomes([401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], o);
/** Only the worker's own: everyone else gets the 404 a missing id gets (`self` reads their own). */
export const OWNER = (o?: Partial<Expectation>) => outcomes([401, 'ok', 404, 404, 404, 404, 404, 'ok'], o);
/** Staff lists: every staff member sees their own subtree (possibly nothing). */
export const STAFF_LIST = (o?: Partial<Expectation>) => outcomes([401, 403, 403, 'ok', 'ok', 403, 'ok', 'ok'], o);
/** Staff acting on a record of the first street: staff of the other street are refused. */
export const STAFF_SCOPED = (outOfScope: 403 | 404, o?: Partial<Expectation>) =>
  outcomes([401, 403, 403, 'ok', outOfScope, 403, 'ok', 'ok'], o);
/** Nobody reviews their own record: staff in scope may, but not on their own claim, question or application. */
export const NOT_ON_OWN = (outOfScope: 403 | 404) => STAFF_SCOPED(outOfScope, { self: 403 });
/** Seasons show only to their audience (workers of the first street): the 404 of a season that is not there. */
export const SEASON_AUDIENCE = outcomes([401, 'ok', 'ok', 404, 404, 404, 404, 'ok']);
/** Leaderboards: the audience, and the staff who run the campaign or season (the console shows them). */
export const LEADERBOARD = outcomes([401, 'ok', 'ok', 'ok', 404, 404, 'ok', 'ok']);
export const ADMIN = () => outcomes([401, 403, 403, 403, 403, 403, 'ok', 403]);

/** A stand-in for `role` with the same grants (self-service routes: each call by someone new). */
export async function standIn(w: World, role: MatrixRole): Promise<Person | undefined> {
  switch (role) {
    case 'anonymous':
      return undefined;
    case 'worker':
    case 'otherWorker':
      return w.newWorker();
    case 'staffIn':
      return w.person('干事', null, [{ role: 'staff', orgId: w.streetId }]);
    case 'staffOut':
      return w.person('干事', null, [{ role: 'staff', orgId: w.otherStreetId }]);
    case 'lawyer':
      return w.person('律师', null, [{ role: 'lawyer', orgId: null }]);
    case 'admin':
      return w.person('管理员', null, [{ role: 'admin', orgId: null }]);
    case 'self':
      return w.staffWorker();
  }
}

/**
 * Whose record a row acts on. For `self`: a fresh staff member of the first street, who owns the record
 * and makes the call. For every other role: the fixture's default owner (the worker), called as the role.
 */
export async function own(w: World, role: MatrixRole): Promise<{ owner?: Person; actor?: Person }> {
  if (role !== 'self') return {};
  const me = await w.staffWorker();
  return { owner: me, actor: me };
}

