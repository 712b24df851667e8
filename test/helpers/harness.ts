/**
 * Test harness: a real Haven app on a real SQLite file in a temporary folder, with logs
 * captured so tests can prove nothing private is written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import WebSocket from 'ws';
import { buildApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';

export interface Harness {
  app: FastifyInstance;
  logs: string[];
  dir: string;
  clock: { now: number };
  api(method: string, url: string, token?: string, body?: unknown): Promise<LightMyRequestResponse>;
  register(handle: string): Promise<{ id: string; token: string }>;
  admin(): Promise<{ id: string; token: string }>;
  community(adminToken: string, slug: string, policy?: Record<string, unknown>): Promise<{ id: string; roomId: string }>;
  join(token: string, communityId: string): Promise<void>;
  appoint(adminToken: string, communityId: string, userId: string): Promise<void>;
  /** Raw SQL against the test database (`?` placeholders), for checks below the API. */
  query(text: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/**
 * `HAVEN_TEST_DB=postgres` runs the same suites against PostgreSQL: each harness gets a
 * fresh database on the server named by HAVEN_TEST_PG_URL, dropped at the end.
 */
export const TEST_DIALECT: 'sqlite' | 'postgres' = process.env.HAVEN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
const PG_ADMIN_URL = process.env.HAVEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function adminPg<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty PostgreSQL database for one test and returns its URL and a dropper. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `haven_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminPg((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminPg((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

/** A fixed test key (never used outside tests). */
export const TEST_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;

export const PASSWORD = 'correct horse battery';

export async function startHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'haven-test-'));
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const clock = { now: Date.now() };
  const pgDb = TEST_DIALECT === 'postgres' && !overrides.databaseUrl ? await freshPostgresDatabase() : undefined;
  const databaseUrl = pgDb?.url ?? `sqlite:${path.join(dir, 'haven.db')}`;
  // By default the pipeline runs on the test's thread without the model (starting worker
  // threads and loading the model takes seconds per app). Suites that test those paths
  // (misinfo-flow, multi-instance, e2e) turn them on with `models: true` / `pipelineWorkers`.
  const config = loadConfig({}, {
    dataDir: dir, databaseUrl, logLevel: 'info', scryptCost: 1024, encryptionKeys: TEST_KEYS, models: false, pipelineWorkers: 0, ...overrides,
  });
  const app = await buildApp({ config, logStream, now: () => clock.now });
  let adminCache: { id: string; token: string } | undefined;

  const api: Harness['api'] = (method, url, token, body) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });

  const harness: Harness = {
    app, logs, dir, clock, api,
    async register(handle) {
      const res = await api('POST', '/api/auth/register', undefined, { handle, password: PASSWORD });
      if (res.statusCode !== 201) throw new Error(`register ${handle}: ${res.statusCode} ${res.body}`);
      const json = res.json();
      return { id: json.user.id, token: json.token };
    },
    async admin() {
      if (adminCache) return adminCache;
      const user = await app.services.accounts.createAdmin('site_admin', PASSWORD);
      const res = await api('POST', '/api/auth/login', undefined, { handle: 'site_admin', password: PASSWORD });
      adminCache = { id: user.id, token: res.json().token };
      return adminCache;
    },
    async community(adminToken, slug, policy) {
      const res = await api('POST', '/api/communities', adminToken, { slug, name: `Community ${slug}`, ...(policy ? { policy } : {}) });
      if (res.statusCode !== 201) throw new Error(`community: ${res.statusCode} ${res.body}`);
      const id = res.json().id;
      const room = await api('POST', `/api/communities/${id}/rooms`, adminToken, { name: 'General' });
      return { id, roomId: room.json().id };
    },
    async join(token, communityId) {
      const res = await api('POST', `/api/communities/${communityId}/join`, token);
      if (res.statusCode !== 200) throw new Error(`join: ${res.statusCode} ${res.body}`);
    },
    async appoint(adminToken, communityId, userId) {
      const res = await api('PUT', `/api/communities/${communityId}/moderators/${userId}`, adminToken);
      if (res.statusCode !== 204) throw new Error(`appoint: ${res.statusCode} ${res.body}`);
    },
    async query(text, params = []) {
      const client = (app.dbHandle.db as unknown as { $client: unknown }).$client;
      if (app.dbHandle.dialect === 'postgres') {
        let i = 0;
        const res = await (client as pg.Pool).query(text.replace(/\?/g, () => `$${++i}`), params);
        return res.rows as Array<Record<string, unknown>>;
      }
      const stmt = (client as { prepare(s: string): { reader: boolean; all(...a: unknown[]): unknown[]; run(...a: unknown[]): unknown } }).prepare(text);
      return stmt.reader ? (stmt.all(...params) as Array<Record<string, unknown>>) : (stmt.run(...params), []);
    },
    async close() {
      await app.close();
      await pgDb?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A real WebSocket client that records every event it receives. */
export class LiveClient {
  readonly events: Array<Record<string, unknown>> = [];
  private waiters: Array<{ match: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as Record<string, unknown>;
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => {
        if (w.match(event)) {
          w.resolve(event);
          return false;
        }
        return true;
      });
    });
  }

  static async connect(baseUrl: string, token: string, via: 'header' | 'message' = 'message'): Promise<LiveClient> {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws`, via === 'header' ? { headers: { authorization: `Bearer ${token}` } } : {});
    const client = new LiveClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const ready = client.next((e) => e.type === 'ready');
    if (via === 'message') client.send({ type: 'auth', token });
    await ready;
    return client;
  }

  send(payload: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(payload));
  }

  /** Resolves with the first event (already received or future) that matches. */
  next(match: (e: Record<string, unknown>) => boolean, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a live event')), timeoutMs);
      this.waiters.push({ match, resolve: (e) => { clearTimeout(timer); resolve(e); } });
    });
  }

  close(): void {
    this.socket.close();
  }
}
