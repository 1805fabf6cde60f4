// What models use from mail: the thread extension, posting, and the functions behind the
// mail models' methods. Models import only this file of src/mail (as src/orm/define of the ORM).
export { mailThread, STATUS_SUBTYPE, type ThreadOptions, type FollowerField } from './thread';
export { postMessage, type PostOptions } from './post';
export { newMessageId } from './message-id';
export { cancelMails, mailQueuedHook, markOutgoing } from './outbox-methods';
export { checkMessageCreate, markRead, notifyCreatedMessage, nowStamp } from './message-methods';
export { htmlToText } from './html-text';
export { processMessage, type MsgDict } from './inbound-process';
export { rawMessage } from './inbound-parse';
export { checkAliasDefaults } from './alias-defaults';
export type { EmailHandlers } from './inbound-methods';
