// Wakes the in-process mail sender once a transaction that queued mail has committed.
import { createWakeup } from '../jobs/wakeup';

export const mailQueued = createWakeup();
