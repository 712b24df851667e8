import type { WebSocket } from 'ws';
import type { Channel, EventBus, LiveEvent } from './bus.js';

/**
 * Keeps which sockets listen on which channel, on this instance. Events are serialised
 * once per delivery and sent to every subscribed socket.
 */
export class SocketHub {
  private readonly channels = new Map<Channel, Set<WebSocket>>();
  private readonly socketsChannels = new Map<WebSocket, Set<Channel>>();

  constructor(bus: EventBus) {
    bus.onEvent((channel, event) => this.deliver(channel, event));
  }

  subscribe(socket: WebSocket, channel: Channel): void {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(socket);
    let mine = this.socketsChannels.get(socket);
    if (!mine) this.socketsChannels.set(socket, (mine = new Set()));
    mine.add(channel);
  }

  unsubscribe(socket: WebSocket, channel: Channel): void {
    this.channels.get(channel)?.delete(socket);
    this.socketsChannels.get(socket)?.delete(channel);
  }

  remove(socket: WebSocket): void {
    for (const channel of this.socketsChannels.get(socket) ?? []) {
      const set = this.channels.get(channel);
      set?.delete(socket);
      if (set && set.size === 0) this.channels.delete(channel);
    }
    this.socketsChannels.delete(socket);
  }

  get socketCount(): number {
    return this.socketsChannels.size;
  }

  sockets(): IterableIterator<WebSocket> {
    return this.socketsChannels.keys();
  }

  private deliver(channel: Channel, event: LiveEvent): void {
    const set = this.channels.get(channel);
    if (!set || set.size === 0) return;
    // Serialised and encoded once: sending a string would make ws encode it again for every socket.
    const payload = Buffer.from(JSON.stringify({ ...event, channel }));
    for (const socket of set) {
      if (socket.readyState === socket.OPEN) socket.send(payload, { binary: false });
    }
  }
}
