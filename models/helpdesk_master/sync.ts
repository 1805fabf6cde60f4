// The support center's part in exchanges between centers (issue 6), kept apart from the models
// it extends: requests sent, received and mirrored, and server configurations as sync uses them.
import type { ModelExtension } from '../../src/orm/define';
import syncRequest from './sync-request';
import syncServer from './sync-server';

export const SYNC_EXTENSIONS: ModelExtension[] = [syncRequest, syncServer];
