// An in-process wake-up signal: a transaction that queued work notifies it once committed, and the
// worker of this process stops waiting for its next poll. It carries database names only (no
// connection); workers in other processes rely on polling.
import { EventEmitter } from 'node:events';

export interface Wakeup {
  notify(dbName: string): void;
  /** Subscribes to wake-ups; returns the function that unsubscribes. */
  subscribe(fn: (dbName: string) => void): () => void;
}

export function createWakeup(): Wakeup {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  return {
    notify(dbName) {
      bus.emit('queued', dbName);
    },
    subscribe(fn) {
      bus.on('queued', fn);
      return () => {
        bus.off('queued', fn);
      };
    },
  };
}
