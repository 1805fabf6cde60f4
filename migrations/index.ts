// The schema, in order. Migrations are listed here (not discovered on disk) so that they run the
// same from TypeScript sources and from the compiled build.
import type { Knex } from 'knex';
import * as m0001 from './0001_base';
import * as m0002 from './0002_ir';
import * as m0003 from './0003_sequence_implementation';
import * as m0050 from './0050_mail';
import * as m0060 from './0060_mail_inbound';
import * as m0100 from './0100_helpdesk_resources';
import * as m0101 from './0101_helpdesk_general';
import * as m0102 from './0102_helpdesk_master';
import * as m0200 from './0200_sync';
import * as m0201 from './0201_sync_peer_user';
import * as m0300 from './0300_web_session';
import * as m0310 from './0310_report_actions';
import * as m0320 from './0320_partner_name_trigrams';
import * as m0321 from './0321_request_text_function';
import * as m0330 from './0330_cache_signal';
import * as m0340 from './0340_partner_complete_name';

export interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

export const MIGRATIONS: Migration[] = [
  { name: '0001_base', ...m0001 },
  { name: '0002_ir', ...m0002 },
  { name: '0003_sequence_implementation', ...m0003 },
  { name: '0050_mail', ...m0050 },
  { name: '0060_mail_inbound', ...m0060 },
  { name: '0100_helpdesk_resources', ...m0100 },
  { name: '0101_helpdesk_general', ...m0101 },
  { name: '0102_helpdesk_master', ...m0102 },
  { name: '0200_sync', ...m0200 },
  { name: '0201_sync_peer_user', ...m0201 },
  { name: '0300_web_session', ...m0300 },
  { name: '0310_report_actions', ...m0310 },
  { name: '0320_partner_name_trigrams', ...m0320 },
  { name: '0321_request_text_function', ...m0321 },
  { name: '0330_cache_signal', ...m0330 },
  { name: '0340_partner_complete_name', ...m0340 },
];
