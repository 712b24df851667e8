/**
 * Review queue at scale: sequential real HTTP requests (keep-alive, 127.0.0.1) against a server
 * whose SQLite file holds the seeded history. Latency is measured at the client, from request
 * start to the full JSON body.
 */
import http from 'node:http';
import { summarize } from './stats.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(port: number, method: string, path: string, token: string): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { authorization: `Bearer ${token}` }, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - t0 }));
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end();
  });
}

type SqlStats = { prepared: number; executed: number };
let sqlSnapshot: () => Promise<SqlStats> = async () => ({ prepared: 0, executed: 0 });

async function series(count: number, fn: (i: number) => Promise<{ status: number; ms: number }>, okStatus: number) {
  const before = await sqlSnapshot();
  const ms: number[] = [];
  const statuses: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const res = await fn(i);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status === okStatus) ms.push(res.ms);
  }
  const after = await sqlSnapshot();
  return { latencyMs: summarize(ms), statuses, sqlStatementsPerRequest: Math.round(((after.executed - before.executed) / count) * 10) / 10 };
}

export interface QueueBenchInput {
  port: number;
  moderatorToken: string;
  adminToken: string;
  sampleOpenItemIds: string[];
  requests: number;
  /** Reads the server's SQLite counters (statements run so far). */
  sqlStats: () => Promise<SqlStats>;
}

export async function runQueueBench(input: QueueBenchInput) {
  const { port, moderatorToken, adminToken } = input;
  sqlSnapshot = input.sqlStats;
  // Warm-up: page cache and JIT, as on a server that has been up for a while.
  for (let i = 0; i < 20; i++) await request(port, 'GET', '/api/queue', moderatorToken);
  const sample = JSON.parse((await request(port, 'GET', '/api/queue', moderatorToken)).body) as { items: unknown[]; counts: unknown };
  const listing = await series(input.requests, () => request(port, 'GET', '/api/queue', moderatorToken), 200);
  const oldest = await series(Math.ceil(input.requests / 2), () => request(port, 'GET', '/api/queue?sort=oldest', moderatorToken), 200);
  const allCommunities = await series(Math.ceil(input.requests / 2), () => request(port, 'GET', '/api/queue', adminToken), 200);
  const claims = await series(input.sampleOpenItemIds.length, (i) => request(port, 'POST', `/api/queue/${input.sampleOpenItemIds[i]}/claim`, moderatorToken), 200);
  agent.destroy();
  return {
    itemsPerPage: sample.items.length,
    counts: sample.counts,
    listPriority: listing,
    listOldest: oldest,
    listAllCommunitiesAsAdmin: allCommunities,
    claim: claims,
  };
}
