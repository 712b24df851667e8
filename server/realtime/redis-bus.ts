/**
 * Redis pub/sub between instances: an event published on instance A is delivered to the
 * sockets of every instance. Local sockets get it at once; the copy that comes back from
 * Redis to its own origin is skipped. Events carry published messages only, never
 * originals of held or redacted ones.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import type { Deliver, EventBus } from './bus.js';

const CHANNEL = 'haven:events';

export async function createRedisBus(url: string, log: FastifyBaseLogger): Promise<EventBus> {
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  for (const client of [pub, sub]) client.on('error', (err: Error) => log.warn({ err: { type: err.name, code: (err as { code?: string }).code } }, 'redis connection error'));
  await Promise.all([pub.connect(), sub.connect()]);
  await sub.subscribe(CHANNEL);
  const origin = randomUUID();
  const listeners: Deliver[] = [];

  sub.on('message', (_channel: string, raw: string) => {
    let parsed: { o: string; c: Parameters<Deliver>[0]; e: Parameters<Deliver>[1] };
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    if (parsed.o === origin) return;
    for (const deliver of listeners) deliver(parsed.c, parsed.e);
  });

  return {
    publish(channel, event) {
      for (const deliver of listeners) deliver(channel, event);
      pub.publish(CHANNEL, JSON.stringify({ o: origin, c: channel, e: event })).catch((err: Error) => {
        log.warn({ err: { type: err.name } }, 'could not publish a live event to redis');
      });
    },
    onEvent(deliver) {
      listeners.push(deliver);
    },
    async close() {
      listeners.length = 0;
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
