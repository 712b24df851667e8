/**
 * Fan-out: `receivers` sockets (one user each) subscribed to one room; a separate sender socket
 * sends one message at a time. Per trial: time from send until the first and the last socket
 * has it. Receivers only search the raw frame for the trial's reference (no JSON parsing), so
 * the load generator adds as little as possible to the time measured.
 */
import WebSocket from 'ws';
import { refOf } from './chat.js';
import { makeMix } from './corpus.js';
import { r2, sleep, summarize } from './stats.js';

async function open(url: string, token: string, roomId?: string): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('websocket connect timed out')), 20_000);
    const onMessage = (data: Buffer) => {
      const event = JSON.parse(data.toString()) as { type: string; code?: string };
      if (event.type === 'ready') {
        if (!roomId) return done();
        socket.send(JSON.stringify({ type: 'subscribe', room: roomId }));
      } else if (event.type === 'subscribed') done();
      else if (event.type === 'error') fail(new Error(`subscribe failed: ${event.code}`));
    };
    const done = () => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve();
    };
    const fail = (e: Error) => {
      clearTimeout(timer);
      reject(e);
    };
    socket.on('message', onMessage);
    socket.once('error', fail);
  });
  return socket;
}

export interface FanoutResult {
  sockets: number;
  trials: number;
  complete: number;
  lastMs: ReturnType<typeof summarize>;
  firstMs: ReturnType<typeof summarize>;
  spreadMs: ReturnType<typeof summarize>;
  ackMs: ReturnType<typeof summarize>;
  connectSeconds: number;
}

export async function runFanout(
  port: number,
  setup: { roomId: string; senderToken: string; receiverTokens: string[] },
  trials: number,
  /** Called once every socket is connected and subscribed, before the first trial. */
  onConnected: () => Promise<void> = async () => undefined,
  gapMs = 150,
): Promise<FanoutResult> {
  const url = `ws://127.0.0.1:${port}/ws`;
  const t0 = performance.now();
  const receivers: WebSocket[] = [];
  for (let i = 0; i < setup.receiverTokens.length; i += 50) {
    receivers.push(...(await Promise.all(setup.receiverTokens.slice(i, i + 50).map((token) => open(url, token, setup.roomId)))));
  }
  const sender = await open(url, setup.senderToken);
  const connectSeconds = r2((performance.now() - t0) / 1000);
  await onConnected();

  const texts = makeMix(trials + 3, 21).filter((m) => m.authorRole === 'member');
  let current: { needle: string; got: Float64Array; count: number; done: () => void } | undefined;
  receivers.forEach((socket, i) => {
    socket.on('message', (data: Buffer) => {
      const c = current;
      if (c && c.got[i] === 0 && data.includes(c.needle)) {
        c.got[i] = performance.now();
        if (++c.count === receivers.length) c.done();
      }
    });
  });
  let ackAt = 0;
  let ackNeedle = '';
  sender.on('message', (data: Buffer) => {
    if (ackNeedle && data.includes('"chat.ack"') && data.includes(ackNeedle)) ackAt = performance.now();
  });

  const last: number[] = [];
  const first: number[] = [];
  const spread: number[] = [];
  const acks: number[] = [];
  let complete = 0;
  for (let trial = 0; trial < trials + 2; trial++) {
    const ref = refOf(900_000 + trial);
    const got = new Float64Array(receivers.length);
    ackAt = 0;
    ackNeedle = `"ref":"${ref}"`;
    const finished = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5000);
      current = { needle: `bench ${ref} `, got, count: 0, done: () => { clearTimeout(timer); resolve(true); } };
    });
    const start = performance.now();
    sender.send(JSON.stringify({ type: 'chat.send', roomId: setup.roomId, text: `bench ${ref} ${texts[trial % texts.length]!.text}`, ref }));
    const ok = await finished;
    current = undefined;
    for (let w = 0; w < 100 && ackAt === 0; w++) await sleep(10);
    if (trial >= 2) {
      // The first two trials warm up the path and are not counted.
      if (ok) complete++;
      const times = Array.from(got).filter((t) => t > 0);
      if (times.length > 0) {
        const lo = Math.min(...times);
        const hi = Math.max(...times);
        first.push(lo - start);
        if (ok) {
          last.push(hi - start);
          spread.push(hi - lo);
        }
      }
      if (ackAt > 0) acks.push(ackAt - start);
    }
    await sleep(gapMs);
  }
  await Promise.all([...receivers, sender].map((s) => new Promise<void>((resolve) => {
    s.once('close', () => resolve());
    s.close();
    setTimeout(resolve, 2000);
  })));
  return { sockets: receivers.length, trials, complete, lastMs: summarize(last), firstMs: summarize(first), spreadMs: summarize(spread), ackMs: summarize(acks), connectSeconds };
}
