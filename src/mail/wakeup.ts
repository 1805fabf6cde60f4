// Wakes the in-process sender when mail has been committed, so it need not wait for its next
// poll. It carries only database names (no connection); other processes rely on polling.
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
bus.setMaxListeners(0);

export function notifyMailQueued(dbName: string): void {
  bus.emit('queued', dbName);
}

/** Subscribes to wake-ups; returns the function that unsubscribes. */
export function onMailQueued(fn: (dbName: string) => void): () => void {
  bus.on('queued', fn);
  return () => {
    bus.off('queued', fn);
  };
}
