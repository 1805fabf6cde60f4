// Wakes the in-process sync sender once a transaction that queued messages has committed, so a
// change reaches the peer at once rather than at the next poll.
import { createWakeup } from '../jobs/wakeup';

export const syncQueued = createWakeup();
