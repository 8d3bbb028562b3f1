/**
 * One pass of the vm harness over the whole app: launch, then every page of every package, signed out or
 * signed in. `respond` answers wx.request (recorded responses in the check, the real API when recording).
 */
import { appPages, createWeappRuntime } from './weapp-runtime.mjs';
import { createWx } from './wx-stub.mjs';
import { launchApp, problemSink, runPage } from './page-runner.mjs';

/** Where the token pair lives (apps/miniapp/src/services/tokens.ts). */
export const TOKENS_KEY = 'jingcai.tokens';

/**
 * The query each page is opened with, as the app's own links open it. Ids come from the list responses the
 * pass has seen so far (`seen` maps "GET /path" to its JSON), else from the recorded fixtures' first row.
 */
export const PAGE_QUERIES = {
  'packages/quiz/pages/answer/index': (seen) => ({ attemptId: firstId(seen, 'GET /quiz/campaigns', 'openAttemptId') }),
  'packages/quiz/pages/result/index': (seen) => ({ attemptId: firstId(seen, 'GET /quiz/campaigns', 'openAttemptId') }),
  'packages/quiz/pages/leaderboard/index': (seen) => ({ campaignId: firstId(seen, 'GET /quiz/campaigns') }),
  'packages/quiz/pages/certificate/index': () => ({ serial: 'JC-0000-0001' }),
  'packages/reading/pages/checkin/index': (seen) => ({ seasonId: seasonId(seen) }),
  'packages/reading/pages/feed/index': (seen) => ({ seasonId: seasonId(seen) }),
  'packages/reading/pages/leaderboard/index': (seen) => ({ seasonId: seasonId(seen) }),
  'packages/reading/pages/poster/index': (seen) => ({ seasonId: seasonId(seen) }),
  'packages/care/pages/benefit/index': (seen) => ({ id: firstId(seen, 'GET /care/benefits') }),
  'packages/care/pages/claim/index': (seen) => ({ id: firstId(seen, 'GET /care/claims/mine') }),
  'packages/care/pages/stations/detail/index': () => ({ id: '1' }),
  'packages/care/pages/redeem/index': () => ({}),
  'packages/legal/pages/question/index': () => ({ id: '1' }),
  'packages/legal/pages/cases/detail/index': () => ({ id: '1' }),
};

function firstId(seen, key, field = 'id') {
  const list = seen.get(key);
  const row = Array.isArray(list) ? list.find((item) => item?.[field] != null) : null;
  return String(row?.[field] ?? 1);
}

function seasonId(seen) {
  const current = seen.get('GET /reading/seasons/current');
  return String(current?.season?.id ?? current?.id ?? 1);
}

/**
 * @param {object} options
 * @param {string} options.distDir
 * @param {{accessToken: string, refreshToken: string} | null} options.tokens null for a signed-out pass
 * @param {(req: {method: string, path: string, header: object, data: unknown}) => Promise<{statusCode: number, data: unknown}>} options.respond
 * @param {string} options.apiBase the API base the build was made with (its requests start with it)
 * @param {(route: string, result: object) => void} [options.onPage]
 * @returns {Promise<{launch: string[], pages: {route: string, pkg: string, query: object, problems: string[], nodes: number}[], requests: string[]}>}
 */
export async function runPass({ distDir, tokens, respond, apiBase, onPage }) {
  const pages = appPages(distDir);
  const routes = new Set(pages.map((page) => page.route));
  const seen = new Map();
  const requests = [];
  const sink = problemSink();
  const runtime = createWeappRuntime({
    distDir,
    console: sink,
    makeWx: ({ parseJson }) =>
      createWx({
        pages: routes,
        parseJson,
        storage: tokens ? { [TOKENS_KEY]: tokens } : {},
        respond: async ({ url, method, header, data }) => {
          const path = url.startsWith(apiBase) ? url.slice(apiBase.length) : url;
          const key = `${method.toUpperCase()} ${path}`;
          requests.push(key);
          const res = await respond({ method: method.toUpperCase(), path, header, data });
          if (res.statusCode < 300) seen.set(key, res.data);
          return res;
        },
      }).wx,
  });

  const launch = await launchApp(runtime, sink);
  const results = [];
  for (const page of pages) {
    const query = PAGE_QUERIES[page.route]?.(seen) ?? {};
    const result = { ...page, query, ...(await runPage(runtime, sink, page.route, query)) };
    results.push(result);
    onPage?.(page.route, result);
  }
  return { launch, pages: results, requests };
}
