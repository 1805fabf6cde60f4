// Wakes the in-process sync sender when a transaction that queued messages has committed, so a
// change reaches the peer at once rather than at the next poll. It carries database names only.
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
bus.setMaxListeners(0);

export function notifySyncQueued(dbName: string): void {
  bus.emit('queued', dbName);
}

/** Subscribes to wake-ups; returns the function that unsubscribes. */
export function onSyncQueued(fn: (dbName: string) => void): () => void {
  bus.on('queued', fn);
  return () => {
    bus.off('queued', fn);
  };
}
