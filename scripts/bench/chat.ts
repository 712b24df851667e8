/**
 * Chat end to end: N WebSocket clients in rooms of K, each subscribed to its room. An open-loop
 * generator sends `chat.send` at a fixed total rate, round-robin over the clients; every other
 * client in the room records when `message.published` arrives. Latency = receipt − send, per
 * (message, receiving client), measured in this process with performance.now().
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { makeMessage } from './corpus.js';
import { r2, rng, sleep, summarize } from './stats.js';

export interface ChatMember {
  userId: string;
  token: string;
  role: 'member' | 'clinician';
}

export interface ChatRoom {
  roomId: string;
  communityId: string;
  members: ChatMember[];
}

interface Sent {
  t: number;
  userId: string;
  roomSize: number;
  measured: boolean;
}

interface Phase {
  measured: boolean;
  sent: Map<string, Sent>;
  acks: Map<string, { t: number; status: string }>;
  /** receipt times per ref (other clients only). */
  deliveries: Map<string, number[]>;
  byId: Map<string, string>;
  unresolved: Array<{ id: string; t: number }>;
  errors: Record<string, number>;
}

/** Letters only, so no detector mistakes the reference for a number or an identifier. */
export function refOf(n: number): string {
  let s = '';
  let x = n;
  do {
    s = String.fromCharCode(97 + (x % 26)) + s;
    x = Math.floor(x / 26);
  } while (x > 0);
  return `zq${s}`;
}

const REF = /bench (zq[a-z]+)/;

class Client {
  socket!: WebSocket;
  constructor(readonly member: ChatMember, readonly room: ChatRoom, private readonly bench: ChatBench) {}

  async connect(baseWs: string): Promise<void> {
    this.socket = new WebSocket(`${baseWs}/ws`, { headers: { authorization: `Bearer ${this.member.token}` }, perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('websocket connect timed out')), 15_000);
      let ready = false;
      this.socket.on('message', (data: Buffer) => {
        const event = JSON.parse(data.toString()) as Record<string, any>;
        if (!ready) {
          if (event.type === 'ready') this.socket.send(JSON.stringify({ type: 'subscribe', room: this.room.roomId }));
          else if (event.type === 'subscribed') {
            ready = true;
            clearTimeout(timer);
            resolve();
          } else if (event.type === 'error') {
            clearTimeout(timer);
            reject(new Error(`subscribe failed: ${event.code}`));
          }
          return;
        }
        this.bench.onEvent(this, event);
      });
      this.socket.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }
}

export interface ChatPhaseResult {
  targetRate: number;
  seconds: number;
  achievedRate: number;
  sent: number;
  outcomes: Record<string, number>;
  deliveriesExpected: number;
  deliveriesReceived: number;
  /** Deliveries that did not arrive within the drain window (messages not answered count as published). */
  deliveriesLateOrLost: number;
  /** Over received deliveries only. */
  deliveryMs: ReturnType<typeof summarize>;
  /** Lost or late deliveries counted as infinitely late (null when they reach the percentile). */
  deliveryMsCountingLost: ReturnType<typeof summarize>;
  ackMs: ReturnType<typeof summarize>;
  loadGeneratorEventLoopP99Ms: number;
  loadGeneratorCpuPercentOfOneCore: number;
  settledAfterSeconds: number;
  errors: Record<string, number>;
}

export class ChatBench {
  private clients: Client[] = [];
  private phase: Phase | undefined;
  private counter = 0;
  private readonly r = rng(5);

  constructor(private readonly rooms: ChatRoom[]) {}

  async connect(port: number): Promise<void> {
    const clients = this.rooms.flatMap((room) => room.members.map((m) => new Client(m, room, this)));
    for (let i = 0; i < clients.length; i += 50) await Promise.all(clients.slice(i, i + 50).map((c) => c.connect(`ws://127.0.0.1:${port}`)));
    // Interleave rooms so consecutive sends spread over rooms.
    const perRoom = this.rooms.map((room) => clients.filter((c) => c.room === room));
    const order: Client[] = [];
    for (let k = 0; k < Math.max(...perRoom.map((p) => p.length)); k++) for (const p of perRoom) if (p[k]) order.push(p[k]!);
    this.clients = order;
  }

  get clientCount(): number {
    return this.clients.length;
  }

  onEvent(client: Client, event: Record<string, any>): void {
    const phase = this.phase;
    if (!phase) return;
    const t = performance.now();
    if (event.type === 'message.published' && typeof event.channel === 'string' && event.channel.startsWith('room:')) {
      const message = event.message as { id: string; body: string; author: { id: string } };
      if (message.author.id === client.member.userId) return; // the sender's own copy
      const ref = REF.exec(message.body)?.[1] ?? phase.byId.get(message.id);
      if (ref) (phase.deliveries.get(ref) ?? phase.deliveries.set(ref, []).get(ref)!).push(t);
      else phase.unresolved.push({ id: message.id, t });
    } else if (event.type === 'chat.ack' && typeof event.ref === 'string') {
      phase.acks.set(event.ref, { t, status: event.message?.status ?? 'unknown' });
      if (event.message?.id) phase.byId.set(event.message.id, event.ref);
    } else if (event.type === 'error') {
      phase.errors[event.code] = (phase.errors[event.code] ?? 0) + 1;
    }
  }

  private send(client: Client, measured: boolean): void {
    const ref = refOf(this.counter++);
    let m = makeMessage(this.r);
    while ((m.authorRole === 'clinician') !== (client.member.role === 'clinician')) m = makeMessage(this.r);
    const text = `bench ${ref} ${m.text}`;
    const t = performance.now();
    this.phase!.sent.set(ref, { t, userId: client.member.userId, roomSize: client.room.members.length, measured });
    client.socket.send(JSON.stringify({ type: 'chat.send', roomId: client.room.roomId, text, ref }));
  }

  /**
   * Sends at `rate` messages/s for `seconds` (open loop), then waits up to `drainMs` for
   * deliveries. What arrives later counts as late/lost. Then lets the server finish its
   * backlog (every ack in, up to `settleMs`) so the next phase starts clean.
   */
  async run(rate: number, seconds: number, measured: boolean, drainMs = 5000, settleMs = 30_000): Promise<ChatPhaseResult> {
    const phase: Phase = { measured, sent: new Map(), acks: new Map(), deliveries: new Map(), byId: new Map(), unresolved: [], errors: {} };
    this.phase = phase;
    const eld = monitorEventLoopDelay({ resolution: 10 });
    eld.enable();
    const cpu0 = process.cpuUsage();
    const total = Math.round(rate * seconds);
    let sent = 0;
    let next = 0;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const tick = () => {
        const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
        while (sent < due) {
          this.send(this.clients[next]!, measured);
          next = (next + 1) % this.clients.length;
          sent++;
        }
        if (sent >= total) resolve();
        else setTimeout(tick, 1);
      };
      tick();
    });
    const sendEnd = performance.now();
    const sendSeconds = (sendEnd - start) / 1000;
    // Drain: every ack in, and every published message delivered to the other room members.
    while (performance.now() - sendEnd < drainMs) {
      if (phase.acks.size >= phase.sent.size && this.expected(phase) <= this.received(phase)) break;
      await sleep(20);
    }
    const cutoff = performance.now();
    eld.disable();
    const cpu = process.cpuUsage(cpu0);
    for (const u of phase.unresolved) {
      const ref = phase.byId.get(u.id);
      if (ref) (phase.deliveries.get(ref) ?? phase.deliveries.set(ref, []).get(ref)!).push(u.t);
    }
    phase.unresolved = [];
    const latencies: number[] = [];
    const ackLatencies: number[] = [];
    const outcomes: Record<string, number> = {};
    let lateOrLost = 0;
    let expected = 0;
    for (const [ref, s] of phase.sent) {
      const ack = phase.acks.get(ref);
      const answered = ack && ack.t <= cutoff;
      outcomes[answered ? ack.status : 'no_ack_in_window'] = (outcomes[answered ? ack.status : 'no_ack_in_window'] ?? 0) + 1;
      if (answered) ackLatencies.push(ack.t - s.t);
      // A message not answered in the window is counted as published (most are) and its deliveries as lost.
      const published = !answered || ack.status === 'published' || ack.status === 'published_redacted';
      if (!published) continue;
      expected += s.roomSize - 1;
      let got = 0;
      for (const t of phase.deliveries.get(ref) ?? []) {
        if (t > cutoff) continue;
        latencies.push(t - s.t);
        got++;
      }
      lateOrLost += Math.max(0, s.roomSize - 1 - got);
    }
    // Settle (not measured): let the server work off its backlog before the next phase.
    const settleStart = performance.now();
    while (performance.now() - settleStart < settleMs && phase.acks.size < phase.sent.size) await sleep(50);
    this.phase = undefined;
    const withLost = [...latencies, ...Array<number>(lateOrLost).fill(Number.POSITIVE_INFINITY)];
    return {
      targetRate: rate,
      seconds,
      achievedRate: r2(phase.sent.size / sendSeconds),
      sent: phase.sent.size,
      outcomes,
      deliveriesExpected: expected,
      deliveriesReceived: latencies.length,
      deliveriesLateOrLost: lateOrLost,
      deliveryMs: summarize(latencies),
      deliveryMsCountingLost: summarize(withLost),
      ackMs: summarize(ackLatencies),
      loadGeneratorEventLoopP99Ms: r2(Math.max(0, eld.percentile(99) / 1e6 - 10)),
      loadGeneratorCpuPercentOfOneCore: r2(((cpu.user + cpu.system) / 1000 / (cutoff - start)) * 100),
      settledAfterSeconds: r2((performance.now() - settleStart) / 1000),
      errors: phase.errors,
    };
  }

  private expected(phase: Phase): number {
    let n = 0;
    for (const [ref, s] of phase.sent) {
      const status = phase.acks.get(ref)?.status;
      if (status === 'published' || status === 'published_redacted') n += s.roomSize - 1;
    }
    return n;
  }

  private received(phase: Phase): number {
    let n = phase.unresolved.length;
    for (const list of phase.deliveries.values()) n += list.length;
    return n;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => new Promise<void>((resolve) => {
      if (c.socket.readyState === WebSocket.CLOSED) return resolve();
      c.socket.once('close', () => resolve());
      c.socket.close();
      setTimeout(resolve, 2000);
    })));
    this.clients = [];
  }
}
