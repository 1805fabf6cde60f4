// What message_process needs at run time besides the call itself: the limits, our own
// notification address (to break loops) and a logger for the mail it drops. The composition
// root ties them to the registry; a bare registry (unit tests) gets the defaults and no log.
import type { Logger } from '../db/types';
import { INBOUND_DEFAULTS, type InboundConfig } from './inbound-config';

export interface InboundSettings {
  inbound: InboundConfig;
  /** The From address of our notifications (MAIL_FROM). */
  notificationAddress: string;
  logger: Logger | null;
}

const BY_REGISTRY = new WeakMap<object, InboundSettings>();
const FALLBACK: InboundSettings = { inbound: INBOUND_DEFAULTS, notificationAddress: 'notifications@localhost', logger: null };

export function attachInboundSettings(registry: object, mail: { from: string; inbound: InboundConfig }, logger: Logger): void {
  BY_REGISTRY.set(registry, { inbound: mail.inbound, notificationAddress: mail.from, logger });
}

export function inboundSettingsOf(registry: unknown): InboundSettings {
  const attached = typeof registry === 'object' && registry !== null ? BY_REGISTRY.get(registry) : undefined;
  return attached ?? FALLBACK;
}
