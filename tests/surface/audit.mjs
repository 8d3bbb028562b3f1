#!/usr/bin/env node
// `pnpm audit` of the production dependencies (issue 9, "Surface"): fails on any high or critical advisory.
//
//   node tests/surface/audit.mjs               run `pnpm audit --prod --audit-level high --json`
//   node tests/surface/audit.mjs --from FILE   judge a saved `pnpm audit --json` report instead
//
// Exit codes — an audit that could not run is never reported as a pass:
//   0  the registry answered and no production dependency has a high or critical advisory
//   1  high or critical advisories (listed)
//   2  pnpm failed in another way, or its output could not be read
//   3  the registry's audit endpoint could not be used (HTTP error such as 405, network failure): NOT AUDITED
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const EXIT = { PASSED: 0, ADVISORIES: 1, FAILED: 2, UNAVAILABLE: 3 };
const FAILING = new Set(['high', 'critical']);
const TIMEOUT_MS = 120_000;
const root = new URL('../../', import.meta.url).pathname;

/** What pnpm prints when the audit endpoint itself is the problem rather than the project. */
const UNAVAILABLE_PATTERNS = [
  /ERR_PNPM_AUDIT_BAD_RESPONSE/,
  /ERR_PNPM_AUDIT_ENDPOINT_NOT_EXISTS/,
  /audit endpoint .* responded with \d{3}/is,
  /\b(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/,
  /fetch failed|socket hang up|request to .* failed/i,
];

function runAudit() {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['audit', '--prod', '--audit-level', 'high', '--json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n(timed out after ${TIMEOUT_MS / 1000} s: ETIMEDOUT)`;
      child.kill('SIGTERM');
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The advisories of a report, from either shape pnpm has printed (npm's `advisories` map or a list). */
function advisoriesOf(report) {
  const raw = report?.advisories ?? report?.vulnerabilities ?? {};
  return Object.values(raw).map((a) => ({
    severity: String(a.severity ?? 'unknown').toLowerCase(),
    module: a.module_name ?? a.name ?? a.package ?? '?',
    title: a.title ?? a.overview ?? '',
    vulnerable: a.vulnerable_versions ?? a.range ?? '',
    url: a.url ?? '',
    paths: (a.findings ?? []).flatMap((f) => f.paths ?? []).slice(0, 3),
  }));
}

/** Counts by severity: the report's own totals when it has them, else counted from its advisories. */
function countsOf(report) {
  const totals = report?.metadata?.vulnerabilities;
  if (totals && typeof totals === 'object') return { ...totals };
  const counts = {};
  for (const a of advisoriesOf(report)) counts[a.severity] = (counts[a.severity] ?? 0) + 1;
  return counts;
}

/** Decides the exit code and the lines to print for one `pnpm audit` outcome. */
function judge({ code, stdout, stderr }) {
  const text = `${stdout}\n${stderr}`;
  let report = null;
  try {
    report = stdout.trim() ? JSON.parse(stdout) : null;
  } catch {
    report = null;
  }
  const reportError = report?.error;
  if (!report || reportError) {
    const why = (reportError ? JSON.stringify(reportError) : text).trim().replace(/\s+/g, ' ');
    if (
      UNAVAILABLE_PATTERNS.some((p) => p.test(text) || (reportError && p.test(JSON.stringify(reportError))))
    ) {
      return {
        exit: EXIT.UNAVAILABLE,
        lines: [
          'surface/audit: NOT AUDITED — the registry audit endpoint could not be used, so nothing is known',
          `  about advisories in production dependencies. pnpm said: ${why.slice(0, 400)}`,
        ],
      };
    }
    return {
      exit: EXIT.FAILED,
      lines: [
        `surface/audit: pnpm audit failed (exit ${code}) without a readable report: ${why.slice(0, 400)}`,
      ],
    };
  }
  const counts = countsOf(report);
  const summary = ['critical', 'high', 'moderate', 'low', 'info']
    .map((s) => `${s} ${counts[s] ?? 0}`)
    .join(', ');
  const failing = advisoriesOf(report).filter((a) => FAILING.has(a.severity));
  const failingCount = (counts.critical ?? 0) + (counts.high ?? 0);
  if (failingCount > 0 || failing.length > 0) {
    return {
      exit: EXIT.ADVISORIES,
      lines: [
        `surface/audit: FAILED — production dependencies have high/critical advisories (${summary})`,
        ...failing.map(
          (a) =>
            `  ${a.severity.padEnd(8)} ${a.module} ${a.vulnerable} ${a.title}${a.url ? ` ${a.url}` : ''}` +
            (a.paths.length ? `\n           via ${a.paths.join(' | ')}` : ''),
        ),
      ],
    };
  }
  return {
    exit: EXIT.PASSED,
    lines: [`surface/audit: passed — no high or critical advisories (${summary})`],
  };
}

const fromIndex = process.argv.indexOf('--from');
const outcome =
  fromIndex > 0
    ? { code: 0, stdout: await readFile(process.argv[fromIndex + 1], 'utf8'), stderr: '' }
    : await runAudit();
const { exit, lines } = judge(outcome);
for (const line of lines) (exit === EXIT.PASSED ? console.log : console.error)(line);
process.exit(exit);
