// The environment type as models see it, taken from the definition vocabulary (models import
// nothing else from the ORM).
import type { Constraint } from '../../src/orm/define';

export type Env = Parameters<Constraint['check']>[0];
