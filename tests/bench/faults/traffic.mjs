// The workers' side of the fault run: HTTP calls through the proxy that retry like the mini-program's
// request layer would (a dropped connection or a 5xx is tried again after a backoff; any other answer is
// final), every exchange recorded with its send and answer times so the report can cut them by phase.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long one user action keeps retrying before the worker gives up: well past the planned outages. */
const GIVE_UP_MS = 30_000;
const REQUEST_TIMEOUT_MS = 20_000;

export class Traffic {
  constructor(port, clock) {
    this.port = port;
    this.clock = clock;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
    /** One entry per HTTP exchange: { kind, status (0 = no answer), sentAt, doneAt } in ms on `clock`. */
    this.exchanges = [];
    this.gaveUp = 0;
  }

  /** One exchange; resolves with { status, json } and never rejects. */
  call(kind, method, path, token, body) {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const sentAt = this.clock();
    return new Promise((resolve) => {
      const done = (status, text) => {
        this.exchanges.push({ kind, status, sentAt, doneAt: this.clock() });
        let json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          // a proxy page or a truncated body: the status says enough
        }
        resolve({ status, json });
      };
      const req = http.request(
        {
          agent: this.agent,
          host: '127.0.0.1',
          port: this.port,
          method,
          path: `/api${path}`,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload && {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
            }),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => done(res.statusCode, Buffer.concat(chunks).toString()));
          res.on('error', () => done(0, ''));
        },
      );
      req.on('timeout', () => req.destroy());
      req.on('error', () => done(0, ''));
      req.end(payload);
    });
  }

  /** Retries dropped connections and 5xx with a capped, jittered backoff; `status: null` when it gave up. */
  async untilAnswered(kind, method, path, token, body) {
    const giveUpAt = this.clock() + GIVE_UP_MS;
    for (let attempt = 0; ; attempt++) {
      const answer = await this.call(kind, method, path, token, body);
      if (answer.status !== 0 && answer.status < 500) return answer;
      if (this.clock() > giveUpAt) {
        this.gaveUp++;
        return { status: null, json: null };
      }
      await sleep(Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

/**
 * One release rush: each worker double-taps 领取 (two tries in flight at once, which the round robin sends
 * to both instances), every try retried until it gets an answer. `created` counts 201s as they arrive, so
 * the run can strike while claims are being made.
 */
export function claimWave(traffic, workers, { benefitId, stationId, concurrency }) {
  const wave = { created: 0, outcomes: [], done: null };
  const path = `/care/benefits/${benefitId}/claims`;
  let next = 0;
  const tryOnce = async (worker) => {
    const answer = await traffic.untilAnswered('claim', 'POST', path, worker.token, { stationId });
    if (answer.status === 201) wave.created++;
    return { status: answer.status, claimId: answer.json?.claimId ?? null };
  };
  wave.done = Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < workers.length) {
        const worker = workers[next++];
        const tries = await Promise.all([tryOnce(worker), tryOnce(worker)]);
        wave.outcomes.push({ userId: worker.id, tries });
      }
    }),
  );
  return wave;
}

/**
 * The quiz rush, until stopped: each loop takes the next worker, starts an attempt, answers it (one
 * question in five wrong, by a rule the check can recompute) and double-taps 交卷. Exactly one of the two
 * submits may answer 201, and both must carry the same score.
 */
export function quizLoop(traffic, workers, { campaignId, answers, concurrency }) {
  const loop = { stopped: false, attempts: [], failures: [], done: null };
  let next = 0;
  loop.done = Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!loop.stopped) {
        const worker = workers[next++ % workers.length];
        const started = await traffic.untilAnswered(
          'quiz start',
          'POST',
          `/quiz/campaigns/${campaignId}/attempts`,
          worker.token,
          {},
        );
        if (started.status !== 200 && started.status !== 201) {
          loop.failures.push({ step: 'start', userId: worker.id, status: started.status });
          continue;
        }
        const { attemptId, questions } = started.json;
        const body = {
          answers: questions.map((q) => {
            const right = answers.get(q.id);
            return { questionId: q.id, choice: [wrongOnPurpose(worker.id, q.id) ? flip(right) : right] };
          }),
        };
        const path = `/quiz/attempts/${attemptId}/submit`;
        const submits = await Promise.all([
          traffic.untilAnswered('quiz submit', 'POST', path, worker.token, body),
          traffic.untilAnswered('quiz submit', 'POST', path, worker.token, body),
        ]);
        loop.attempts.push({
          attemptId,
          userId: worker.id,
          statuses: submits.map((s) => s.status),
          scores: submits.map((s) => s.json?.score ?? null),
        });
      }
    }),
  );
  return loop;
}

export function wrongOnPurpose(userId, questionId) {
  return (userId + questionId) % 5 === 0;
}

function flip(key) {
  return key === 'A' ? 'B' : 'A';
}
