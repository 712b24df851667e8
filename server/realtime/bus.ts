/**
 * Live events between the services and the sockets. The in-process bus delivers to
 * this instance's sockets; a Redis bus (multi-instance) implements the same interface.
 */
export type Channel = `room:${string}` | `thread:${string}` | `community:${string}` | `user:${string}` | `moderators:${string}`;

export interface LiveEvent {
  type: string;
  [key: string]: unknown;
}

export type Deliver = (channel: Channel, event: LiveEvent) => void;

export interface EventBus {
  publish(channel: Channel, event: LiveEvent): void;
  /** The hub registers one delivery function; the bus calls it for every event on any channel. */
  onEvent(deliver: Deliver): void;
  close(): Promise<void>;
}

export function createLocalBus(): EventBus {
  const listeners: Deliver[] = [];
  return {
    publish(channel, event) {
      for (const deliver of listeners) deliver(channel, event);
    },
    onEvent(deliver) {
      listeners.push(deliver);
    },
    async close() {
      listeners.length = 0;
    },
  };
}
