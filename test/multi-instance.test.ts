/**
 * Two Haven processes against one PostgreSQL and one Redis on localhost: chat crosses
 * instances, queue events reach moderators on every instance, claims are exclusive, and a
 * graceful shutdown loses no accepted message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { Redis } from 'ioredis';
import { freshPostgresDatabase, LiveClient, PASSWORD, TEST_KEYS } from './helpers/harness.js';

const REDIS_URL = process.env.HAVEN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(): Promise<string | null> {
  try {
    const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await r.connect();
    await r.quit();
  } catch {
    return `Redis is not reachable at ${REDIS_URL}`;
  }
  try {
    const db = await freshPostgresDatabase();
    await db.drop();
  } catch {
    return 'PostgreSQL is not reachable (HAVEN_TEST_PG_URL)';
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

interface Instance { url: string; proc: ChildProcess; exited: Promise<number | null>; dir: string }

async function startInstance(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'haven-mi-'));
  const proc = spawn(process.execPath, ['--import=tsx', 'server/main.ts'], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', HAVEN_DATA_DIR: dir, DATABASE_URL: databaseUrl, REDIS_URL,
      HAVEN_ENCRYPTION_KEYS: TEST_KEYS, HAVEN_SCRYPT_COST: '1024', LOG_LEVEL: process.env.MI_DEBUG ? 'info' : 'warn', ...extraEnv,
    },
    stdio: ['ignore', process.env.MI_DEBUG ? 'inherit' : 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('instance did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, proc, exited, dir };
}

async function call(base: string, method: string, url: string, token?: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const missing = await reachable();

t.test('two instances share PostgreSQL and Redis', { skip: missing ?? false }, async (t) => {
  const db = await freshPostgresDatabase();
  const a = await startInstance(db.url, { HAVEN_ADMIN_HANDLE: 'root_admin', HAVEN_ADMIN_PASSWORD: PASSWORD });
  const b = await startInstance(db.url);
  const clients: LiveClient[] = [];
  t.teardown(async () => {
    for (const c of clients) c.close();
    for (const i of [a, b]) if (i.proc.exitCode === null) { i.proc.kill('SIGTERM'); await i.exited; }
    await db.drop();
    for (const i of [a, b]) rmSync(i.dir, { recursive: true, force: true });
  });

  const admin = (await call(a.url, 'POST', '/api/auth/login', undefined, { handle: 'root_admin', password: PASSWORD })).json.token as string;
  const community = (await call(a.url, 'POST', '/api/communities', admin, { slug: 'rare-disease', name: 'Rare disease', policy: { wordLists: { hold: ['experimental protocol'], block: [], censor: [] } } })).json;
  const room = (await call(b.url, 'POST', `/api/communities/${community.id}/rooms`, admin, { name: 'Lobby' })).json;
  const reg = async (base: string, handle: string) => {
    const r = (await call(base, 'POST', '/api/auth/register', undefined, { handle, password: PASSWORD })).json;
    await call(base, 'POST', `/api/communities/${community.id}/join`, r.token);
    return { id: r.user.id as string, token: r.token as string };
  };
  const alice = await reg(a.url, 'alice');
  const bob = await reg(b.url, 'bob');
  const m1 = await reg(a.url, 'mod_a');
  const m2 = await reg(b.url, 'mod_b');
  for (const m of [m1, m2]) t.equal((await call(a.url, 'PUT', `/api/communities/${community.id}/moderators/${m.id}`, admin)).status, 204);

  const aliceLive = await LiveClient.connect(a.url, alice.token);
  const bobLive = await LiveClient.connect(b.url, bob.token);
  const modLiveB = await LiveClient.connect(b.url, m2.token);
  clients.push(aliceLive, bobLive, modLiveB);
  bobLive.send({ type: 'subscribe', room: room.id });
  await bobLive.next((e) => e.type === 'subscribed');

  // Chat accepted by instance A reaches a socket on instance B.
  aliceLive.send({ type: 'chat.send', roomId: room.id, text: 'hello from instance A', ref: 'x1' });
  const crossed = await bobLive.next((e) => e.type === 'message.published' && (e.message as { body: string }).body === 'hello from instance A');
  t.ok(crossed, 'chat crosses instances');

  // A held message raises a queue event for the moderator connected to B.
  aliceLive.send({ type: 'chat.send', roomId: room.id, text: 'trying an experimental protocol', ref: 'x2' });
  const queued = await modLiveB.next((e) => e.type === 'queue.changed' && e.change === 'added');
  const itemId = (queued.item as { id: string }).id;

  // Both moderators claim at once through different instances: exactly one wins.
  const [c1, c2] = await Promise.all([call(a.url, 'POST', `/api/queue/${itemId}/claim`, m1.token), call(b.url, 'POST', `/api/queue/${itemId}/claim`, m2.token)]);
  t.same([c1.status, c2.status].sort(), [200, 409], 'claims are exclusive across instances');
  const [winner, base] = c1.status === 200 ? [m1, a.url] : [m2, b.url];
  const decided = await call(base, 'POST', `/api/queue/${itemId}/decision`, winner.token, { action: 'approve' });
  t.equal(decided.status, 200);
  const loserBase = base === a.url ? b.url : a.url;
  const loser = winner === m1 ? m2 : m1;
  t.equal((await call(loserBase, 'POST', `/api/queue/${itemId}/decision`, loser.token, { action: 'reject', reasonCode: 'other' })).status, 409, 'no double decision');
  await bobLive.next((e) => e.type === 'message.published' && (e.message as { body: string }).body === 'trying an experimental protocol');
  const aliceStatus = await aliceLive.next((e) => e.type === 'message.status' && (e.message as { status: string }).status === 'published' && (e.message as { body: string }).body.includes('experimental'));
  t.ok(aliceStatus, 'the author on A hears of the approval decided wherever it was');

  // Graceful shutdown of B with a request in flight: an accepted message is never lost.
  const inflight = call(b.url, 'POST', `/api/rooms/${room.id}/messages`, bob.token, { text: 'sent just before shutdown' }).catch(() => null);
  await new Promise((r) => setTimeout(r, 5));
  b.proc.kill('SIGTERM');
  const [res, code] = await Promise.all([inflight, b.exited]);
  t.equal(code, 0, 'instance B exits cleanly');
  const onA = (await call(a.url, 'GET', `/api/rooms/${room.id}/messages`, alice.token)).json as Array<{ body: string }>;
  if (res && res.status === 201) t.ok(onA.some((m) => m.body === 'sent just before shutdown'), 'the accepted message is stored and visible');
  else t.notOk(onA.some((m) => m.body === 'sent just before shutdown'), 'a refused message is not half-stored');
  t.equal((await call(a.url, 'GET', '/health/ready')).status, 200, 'instance A keeps serving');
});
