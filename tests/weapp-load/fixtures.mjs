/**
 * Recorded API responses for the vm harness's passes: `fixtures/<pass>.json` maps "METHOD /path?query" to
 * { statusCode, data }. record.mjs writes them from a real API run; the check answers wx.request from them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The pass's tokens in the check: any string pair; recorded responses do not look at them. */
export const RECORDED_TOKENS = { accessToken: 'recorded-access-token', refreshToken: 'recorded-refresh-token' };

/** The key of one request in a fixture file: method, path and query, the query's parameters sorted. */
export function requestKey(method, pathWithQuery) {
  const [pathname, query = ''] = pathWithQuery.split('?');
  const params = new URLSearchParams(query);
  params.sort();
  const sorted = params.toString();
  return `${method.toUpperCase()} ${pathname}${sorted ? `?${sorted}` : ''}`;
}

export function loadFixtures(pass) {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${pass}.json`), 'utf8'));
}

/**
 * A `respond` for session-pass.mjs that answers from recorded responses. A request nobody recorded gets
 * the API's 404 envelope and is listed in `unrecorded` (re-record after adding an endpoint to a page).
 */
export function replay(fixtures) {
  const unrecorded = new Set();
  const respond = async ({ method, path: pathWithQuery }) => {
    const key = requestKey(method, pathWithQuery);
    const hit = fixtures[key];
    if (hit) return hit;
    unrecorded.add(key);
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到（未录制的请求）' } };
  };
  return { respond, unrecorded };
}
