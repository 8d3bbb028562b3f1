// A closed-loop load generator: `concurrency` loops each send their next request as soon as the last
// one answered, over keep-alive connections, recording every latency.
import http from 'node:http';

export async function rush(jobs, { concurrency, path }) {
  const agents = new Map();
  const agentFor = (port) => {
    if (!agents.has(port)) agents.set(port, new http.Agent({ keepAlive: true, maxSockets: concurrency }));
    return agents.get(port);
  };
  const latencies = [];
  const statuses = {};
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const sent = process.hrtime.bigint();
        const status = await post(agentFor(job.port), job.port, path(job), job.token, job.body);
        latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const agent of agents.values()) agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    requests: jobs.length,
    seconds,
    rps: jobs.length / seconds,
    p50: pct(50),
    p99: pct(99),
    statuses,
    errors5xx: Object.entries(statuses)
      .filter(([s]) => Number(s) >= 500 || Number(s) === 0)
      .reduce((n, [, c]) => n + c, 0),
  };
}

function post(agent, port, path, token, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}
