// Every module of the server, in any order (the registry orders them by their dependencies).
import type { ModuleDef } from '../src/orm/define';
import base from './base/module';
import mail from './mail/module';
import helpdeskResources from './helpdesk_resources/module';
import helpdeskGeneral from './helpdesk_general/module';
import helpdeskMaster from './helpdesk_master/module';

export const MODULES: ModuleDef[] = [base, mail, helpdeskResources, helpdeskGeneral, helpdeskMaster];
