/**
 * The benchmark's server process: one Haven app (buildApp, real SQLite file, listening on
 * 127.0.0.1), driven by the load generator in the parent over IPC. Measuring here keeps the
 * server's event loop and memory apart from the load generator's.
 *
 * Started by run.ts with HAVEN_BENCH_SERVER={"dataDir":…,"pipeline":"configured"|"off"}.
 * Nothing here logs message text or tokens; tokens go to the parent over IPC only.
 */
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { buildStages } from '../../server/moderation-stages.js';
import { defaultPolicy, type StageInput } from '../../moderation/index.js';
import { describeMix, makeMix } from './corpus.js';
import { purgeScanCost, seedMessages, type SeedCommunity } from './seed.js';
import { r2, summarize } from './stats.js';

interface ServerOptions {
  dataDir: string;
  pipeline: 'configured' | 'off';
  /** Folder for one CPU profile per measured phase (node:inspector), when profiling. */
  profileDir?: string;
}

const options = JSON.parse(process.env.HAVEN_BENCH_SERVER ?? '{}') as ServerOptions;
const PASSWORD = 'bench password, not a secret';
const EL_RESOLUTION_MS = 10;
const dbFile = path.join(options.dataDir, 'haven.db');
// HAVEN_* variables apply (e.g. HAVEN_PIPELINE_WORKERS), so a deployment's settings can be measured.
const config: Config = loadConfig(process.env, {
  dataDir: options.dataDir,
  databaseUrl: `sqlite:${dbFile}`,
  logLevel: 'warn',
  host: '127.0.0.1',
  port: 0,
  // Account setup speed only: login/registration are not part of what is measured.
  scryptCost: 1024,
  encryptionKeys: `bench:${randomBytes(32).toString('base64')}`,
});

// ---- SQLite accounting: statements prepared and run, and the time spent in better-sqlite3 --
// (wraps the driver's prototype methods in this process only; the server's code is unchanged)
const sqlStats = { prepared: 0, prepareMs: 0, executed: 0, executeMs: 0 };
/** Execution time per SQL text (parameters are bound, so the text holds no user data). */
const bySql = new Map<string, { n: number; ms: number }>();
{
  const dbProto = Database.prototype as unknown as { prepare: (sql: string) => unknown };
  const prepare = dbProto.prepare;
  dbProto.prepare = function (this: unknown, sql: string) {
    const t0 = performance.now();
    try {
      return prepare.call(this, sql);
    } finally {
      sqlStats.prepared++;
      sqlStats.prepareMs += performance.now() - t0;
    }
  };
  const probeDb = new Database(':memory:');
  const stmtProto = Object.getPrototypeOf(probeDb.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>;
  probeDb.close();
  for (const method of ['all', 'get', 'run', 'iterate']) {
    const original = stmtProto[method]!;
    stmtProto[method] = function (this: unknown, ...args: unknown[]) {
      const t0 = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const ms = performance.now() - t0;
        sqlStats.executed++;
        sqlStats.executeMs += ms;
        const source = (this as { source: string }).source;
        const entry = bySql.get(source);
        if (entry) {
          entry.n++;
          entry.ms += ms;
        } else bySql.set(source, { n: 1, ms });
      }
    };
  }
}

let app!: FastifyInstance;
let port = 0;

async function start(): Promise<number> {
  const t0 = performance.now();
  app = await buildApp({ config, ...(options.pipeline === 'off' ? { stages: [] } : {}) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return r2(performance.now() - t0);
}

async function api(method: string, url: string, token?: string, body?: unknown) {
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url.replace(/[0-9a-f-]{36}/g, ':id')}: ${res.statusCode} ${res.json().code ?? ''}`);
  return res.statusCode === 204 ? undefined : res.json();
}

let adminToken: string | undefined;
async function admin(): Promise<string> {
  if (adminToken) return adminToken;
  await app.services.accounts.createAdmin('bench_admin', PASSWORD);
  adminToken = (await api('POST', '/api/auth/login', undefined, { handle: 'bench_admin', password: PASSWORD })).token as string;
  return adminToken;
}

let userCounter = 0;
async function user(prefix: string): Promise<{ id: string; token: string }> {
  const res = await api('POST', '/api/auth/register', undefined, { handle: `${prefix}_${++userCounter}`, password: PASSWORD });
  return { id: res.user.id, token: res.token };
}

/** Benchmark communities allow the generated chat rate: the rate-limit stage still runs on every message. */
const BENCH_POLICY = { rateLimit: { maxMessages: 1_000_000, windowSeconds: 60, duplicateWindowSeconds: 300 } };

async function community(slug: string, rooms: number): Promise<{ id: string; roomIds: string[] }> {
  const token = await admin();
  const created = await api('POST', '/api/communities', token, { slug, name: `Bench ${slug}`, policy: BENCH_POLICY });
  const roomIds: string[] = [];
  for (let i = 0; i < rooms; i++) roomIds.push((await api('POST', `/api/communities/${created.id}/rooms`, token, { name: `Room ${i + 1}` })).id);
  return { id: created.id, roomIds };
}

async function verifyClinician(userId: string) {
  await api('POST', `/api/admin/users/${userId}/clinician-verification`, await admin(), {
    fullName: 'Bench Clinician', credential: 'RN', jurisdiction: 'Bench State', licenceNumber: 'BENCH-0000',
  });
}

// ---- monitoring: event-loop delay, resident memory, CPU ---------------------------------

const eld = monitorEventLoopDelay({ resolution: EL_RESOLUTION_MS });
let rssSamples: number[] = [];
let heapSamples: number[] = [];
let sampler: NodeJS.Timeout | undefined;
let cpuStart = process.cpuUsage();
let wallStart = performance.now();
let runDelayStart = 0;
let switchesStart = { voluntary: 0, involuntary: 0 };

/** Nanoseconds this process spent runnable but waiting for a CPU (Linux schedstat; 0 elsewhere). */
function runQueueWaitNs(): number {
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1] ?? 0);
  } catch {
    return 0;
  }
}

// ---- CPU profile of one measured phase (the main thread only, setup excluded) -----------

const inspector = options.profileDir ? new Session() : undefined;
let profiling: string | undefined;
const post = (method: string, params?: object) =>
  new Promise<any>((resolve, reject) => inspector!.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));

async function profileStart(label: string) {
  if (!inspector) return;
  if (!profiling) {
    inspector.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
  }
  profiling = label;
  await post('Profiler.start');
}

async function profileStop(): Promise<string | undefined> {
  if (!inspector || !profiling) return undefined;
  const { profile } = await post('Profiler.stop');
  mkdirSync(options.profileDir!, { recursive: true });
  const file = path.join(options.profileDir!, `${profiling.replace(/[^a-z0-9-]+/gi, '-')}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

async function monitorStart(label = 'phase') {
  await profileStart(label);
  eld.reset();
  eld.enable();
  Object.assign(sqlStats, { prepared: 0, prepareMs: 0, executed: 0, executeMs: 0 });
  bySql.clear();
  rssSamples = [];
  heapSamples = [];
  cpuStart = process.cpuUsage();
  wallStart = performance.now();
  runDelayStart = runQueueWaitNs();
  const ru = process.resourceUsage();
  switchesStart = { voluntary: ru.voluntaryContextSwitches, involuntary: ru.involuntaryContextSwitches };
  sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssSamples.push(m.rss);
    heapSamples.push(m.heapUsed);
  }, 250);
}

async function monitorStop() {
  eld.disable();
  const profileFile = await profileStop();
  if (sampler) clearInterval(sampler);
  const m = process.memoryUsage();
  rssSamples.push(m.rss);
  heapSamples.push(m.heapUsed);
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - wallStart;
  const ru = process.resourceUsage();
  // The histogram records the time between timer callbacks (≥ the resolution); the delay is what exceeds it.
  const delay = (ns: number) => r2(Math.max(0, ns / 1e6 - EL_RESOLUTION_MS));
  const mib = (b: number) => r2(b / 1048576);
  return {
    eventLoopDelayMs: { p50: delay(eld.percentile(50)), p90: delay(eld.percentile(90)), p99: delay(eld.percentile(99)), max: delay(eld.max), samples: eld.count },
    rssMiB: { max: mib(Math.max(...rssSamples)), end: mib(m.rss) },
    heapUsedMiB: { max: mib(Math.max(...heapSamples)), end: mib(m.heapUsed) },
    cpuPercentOfOneCore: r2(((cpu.user + cpu.system) / 1000 / wall) * 100),
    /** Share of the wall time the server was ready to run but waited for a CPU (other processes). */
    runQueueWaitPercent: r2(((runQueueWaitNs() - runDelayStart) / 1e6 / wall) * 100),
    contextSwitches: { voluntary: ru.voluntaryContextSwitches - switchesStart.voluntary, involuntary: ru.involuntaryContextSwitches - switchesStart.involuntary },
    wallSeconds: r2(wall / 1000),
    sqlite: {
      prepared: sqlStats.prepared, prepareMs: r2(sqlStats.prepareMs), executed: sqlStats.executed, executeMs: r2(sqlStats.executeMs),
      topStatements: [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6)
        .map(([sql, v]) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 240), count: v.n, totalMs: r2(v.ms), meanMs: r2(v.ms / v.n) })),
    },
    ...(profileFile ? { profileFile } : {}),
  };
}

// ---- fan-out probe: time the server spends publishing to a room channel ------------------

let probe: number[] | undefined;
function fanoutProbe(on: boolean): number[] | undefined {
  if (on) {
    probe = [];
    const bus = app.bus;
    const original = bus.publish.bind(bus);
    (bus as { publish: typeof bus.publish }).publish = (channel, event) => {
      const t0 = performance.now();
      original(channel, event);
      if (probe && channel.startsWith('room:') && event.type === 'message.published') probe.push(performance.now() - t0);
    };
    return undefined;
  }
  const out = probe;
  probe = undefined;
  return out?.map(r2);
}

// ---- pipeline per stage ------------------------------------------------------------------

async function pipelineBench(count: number, warmup: number) {
  const mix = makeMix(count + warmup, 3);
  const policy = defaultPolicy();
  const recent: Array<{ text: string; createdAt: number }> = [];
  const total: number[] = [];
  const stages: Record<string, number[]> = {};
  const isolated: Record<string, number[]> = {};
  const byKind: Record<string, number[]> = {};
  const actions: Record<string, number> = {};
  // The server's stages run in worker threads; time each stage alone on a copy built here.
  const local = app.pipeline.stages.length > 0 ? undefined : await buildStages(config, { encoder: 'here' });
  const aloneStages = local?.stages ?? app.pipeline.stages;
  for (let i = 0; i < mix.length; i++) {
    const m = mix[i]!;
    const now = Date.now();
    const input: StageInput = {
      text: m.text,
      authorRole: m.authorRole,
      policy,
      now,
      history: { approvedCount: 12, recent: recent.slice(0, 10) },
      ...(m.question ? { replyTo: { text: m.question, authorRole: 'member' as const } } : {}),
    };
    const result = await app.pipeline.moderate(input);
    // Each stage alone on the same input: the pipeline starts all stages together, so its
    // stageMs for one stage also covers the stages that ran before it finished.
    const alone: Record<string, number> = {};
    for (const stage of aloneStages) {
      const t0 = performance.now();
      await stage.run(input);
      alone[stage.name] = performance.now() - t0;
    }
    recent.unshift({ text: result.publishedText, createdAt: now });
    if (recent.length > 10) recent.pop();
    if (i < warmup) continue;
    for (const [name, ms] of Object.entries(alone)) (isolated[name] ??= []).push(ms);
    total.push(result.ms);
    (byKind[m.kind] ??= []).push(result.ms);
    actions[result.action] = (actions[result.action] ?? 0) + 1;
    for (const [name, ms] of Object.entries(result.stageMs)) (stages[name] ??= []).push(ms);
  }
  await local?.close();
  return {
    stages: [...app.pipeline.stageNames],
    mix: describeMix(mix.slice(warmup)),
    totalMs: summarize(total),
    stageMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, summarize(v)])),
    stageAloneMs: Object.fromEntries(Object.entries(isolated).map(([k, v]) => [k, summarize(v)])),
    byKindMs: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, summarize(v)])),
    actions,
  };
}

// ---- setups --------------------------------------------------------------------------------

async function setupChat(args: { communities: number; roomsPerCommunity: number; clientsPerRoom: number; clinicianEvery: number }) {
  const rooms: Array<{ roomId: string; communityId: string; members: Array<{ userId: string; token: string; role: 'member' | 'clinician' }> }> = [];
  let n = 0;
  for (let c = 0; c < args.communities; c++) {
    const com = await community(`chat-${c}`, args.roomsPerCommunity);
    for (const roomId of com.roomIds) {
      const members: (typeof rooms)[number]['members'] = [];
      for (let k = 0; k < args.clientsPerRoom; k++) {
        const u = await user('chat');
        await api('POST', `/api/communities/${com.id}/join`, u.token);
        const clinician = args.clinicianEvery > 0 && ++n % args.clinicianEvery === 0;
        if (clinician) await verifyClinician(u.id);
        members.push({ userId: u.id, token: u.token, role: clinician ? 'clinician' : 'member' });
      }
      rooms.push({ roomId, communityId: com.id, members });
    }
  }
  return { rooms };
}

async function setupFanout(args: { sockets: number }) {
  const com = await community('fanout', 1);
  const tokens: string[] = [];
  for (let i = 0; i < args.sockets + 1; i++) {
    const u = await user('fan');
    await api('POST', `/api/communities/${com.id}/join`, u.token);
    tokens.push(u.token);
  }
  return { roomId: com.roomIds[0]!, senderToken: tokens.pop()!, receiverTokens: tokens };
}

async function setupQueue(args: { messages: number; communities: number; authorsPerCommunity: number }) {
  const token = await admin();
  const moderator = await user('mod');
  const seedCommunities: SeedCommunity[] = [];
  for (let c = 0; c < args.communities; c++) {
    const com = await community(`queue-${c}`, 3);
    const authorIds: string[] = [];
    for (let k = 0; k < args.authorsPerCommunity; k++) {
      const u = await user('author');
      await api('POST', `/api/communities/${com.id}/join`, u.token);
      authorIds.push(u.id);
    }
    // The first community is the big one (40% of all messages); its moderator is measured.
    seedCommunities.push({ id: com.id, roomIds: com.roomIds, authorIds, weight: c === 0 ? 0.4 * (args.communities - 1) / 0.6 : 1 });
  }
  await api('POST', `/api/communities/${seedCommunities[0]!.id}/join`, moderator.token);
  await api('PUT', `/api/communities/${seedCommunities[0]!.id}/moderators/${moderator.id}`, token);
  await app.close();
  const seeded = seedMessages({
    file: dbFile, communities: seedCommunities, messages: args.messages, deciderId: moderator.id,
    retentionHours: config.originalRetentionHours, sampleCommunityId: seedCommunities[0]!.id, sampleSize: 200,
  });
  const purge = purgeScanCost(dbFile, config.originalRetentionHours);
  const startupMs = await start();
  // Sessions survive the restart (they are rows); log in again anyway so tokens are fresh.
  return { port, moderatorToken: moderator.token, adminToken: token, moderatedCommunityId: seedCommunities[0]!.id, seeded, purgeScan: purge, startupMs };
}

// ---- IPC -------------------------------------------------------------------------------------

type Command =
  | { cmd: 'setupChat'; args: Parameters<typeof setupChat>[0] }
  | { cmd: 'setupFanout'; args: Parameters<typeof setupFanout>[0] }
  | { cmd: 'setupQueue'; args: Parameters<typeof setupQueue>[0] }
  | { cmd: 'pipelineBench'; args: { count: number; warmup: number } }
  | { cmd: 'monitorStart'; args?: { label: string } }
  | { cmd: 'monitorStop' }
  | { cmd: 'fanoutProbe'; args: { on: boolean } }
  | { cmd: 'sqlStats' }
  | { cmd: 'close' };

async function handle(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'setupChat': return setupChat(command.args);
    case 'setupFanout': return setupFanout(command.args);
    case 'setupQueue': return setupQueue(command.args);
    case 'pipelineBench': return pipelineBench(command.args.count, command.args.warmup);
    case 'monitorStart': return monitorStart(command.args?.label);
    case 'monitorStop': return monitorStop();
    case 'fanoutProbe': return fanoutProbe(command.args.on);
    case 'sqlStats': return { ...sqlStats };
    case 'close':
      await app.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (message: { id: number } & Command) => {
  handle(message).then(
    (result) => process.send!({ id: message.id, ok: true, result }),
    (error: unknown) => process.send!({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));

const startupMs = await start();
process.send!({ id: 0, ok: true, result: { port, startupMs, stages: app.pipeline.stageNames, pid: process.pid, node: process.version } });
