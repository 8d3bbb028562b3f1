import { callRoute, MATRIX } from './authorization-matrix';
import { documentedRoutes, servedRoutes } from './routes';
import { ROLES, World } from './world';

/** Served but deliberately left out of the OpenAPI document. */
const UNDOCUMENTED = new Set([
  // WeChat's message push: verified by its signature, not a token, and not for API clients.
  'GET /api/wechat/events',
  'POST /api/wechat/events',
]);

describe('Authorization matrix: every documented route × every role (and staff on their own records)', () => {
  let w: World;
  let documented: string[];

  beforeAll(async () => {
    w = await World.create();
    documented = await documentedRoutes(w.t.http);
  });
  afterAll(() => w.close());

  it('has a row for every route in the OpenAPI document, and no row for a route that is gone', () => {
    expect(documented.filter((route) => !MATRIX[route])).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('documents every route the server answers (so none can escape the matrix)', () => {
    const served = servedRoutes(w.t.app).filter((route) => !route.startsWith('GET /api/docs'));
    expect(served.filter((route) => !documented.includes(route) && !UNDOCUMENTED.has(route))).toEqual([]);
  });

  it.each(Object.keys(MATRIX))('%s', async (route) => {
    const row = MATRIX[route];
    const shared = route.startsWith('GET ') && row.call ? await row.call(w, 'worker') : undefined;
    const wrong: string[] = [];
    for (const role of ROLES) {
      // `self` reads their own record, not the worker's: their call is always their own.
      const call = (role !== 'self' && shared) || (row.call ? await row.call(w, role) : {});
      const res = await callRoute(w, route, role, call);
      const got = res.status >= 200 && res.status < 300 ? 'ok' : res.status;
      if (got !== row.expect[role]) {
        wrong.push(
          `${role}: expected ${row.expect[role]}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });
});
