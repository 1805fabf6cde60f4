// ir.attachment: files attached to documents (res_model, res_id). Who may see or change an
// attachment follows the document (enforced by access control), and size and type are derived.
import {
  binary, char, defineModel, integer, many2one, selection, text, type Env,
} from '../../src/orm/define';
import { userCompany } from './company-default';

const MIMETYPES: Record<string, string> = {
  txt: 'text/plain', csv: 'text/csv', html: 'text/html', htm: 'text/html', xml: 'application/xml',
  json: 'application/json', pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg',
  jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', zip: 'application/zip',
  doc: 'application/msword', odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', ods: 'application/vnd.oasis.opendocument.spreadsheet',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function guessMimetype(fileName: unknown): string {
  const m = typeof fileName === 'string' ? /\.([A-Za-z0-9]+)$/.exec(fileName) : null;
  return (m && MIMETYPES[m[1].toLowerCase()]) || 'application/octet-stream';
}

function decodedSize(b64: string): number {
  return Buffer.from(b64.replace(/\s+/g, ''), 'base64').length;
}

/** Keeps file_size and mimetype in step with the content being written. */
function deriveFileFacts(vals: Record<string, unknown>): void {
  if ('datas' in vals) vals.file_size = typeof vals.datas === 'string' ? decodedSize(vals.datas) : 0;
  if (!vals.mimetype && ('datas_fname' in vals || 'datas' in vals)) {
    vals.mimetype = guessMimetype(vals.datas_fname || vals.name);
  }
}

/** The name of the document each attachment is on (read as superuser, like a many2one). */
async function resNames(env: Env, ids: number[]): Promise<Map<number, unknown>> {
  const rows = (await env.sudo().model('ir.attachment').read(ids, ['res_model', 'res_id'])) as
    { id: number; res_model: string | false; res_id: number | false }[];
  const out = new Map<number, unknown>();
  const byModel = new Map<string, number[]>();
  for (const r of rows) {
    if (r.res_model && r.res_id) byModel.set(r.res_model, [...(byModel.get(r.res_model) ?? []), Number(r.res_id)]);
  }
  const names = new Map<string, string>();
  for (const [model, resIds] of byModel) {
    try {
      const pairs = (await env.sudo().model(model).call('name_get', { ids: resIds })) as [number, string][];
      for (const [id, name] of pairs) names.set(`${model},${id}`, name);
    } catch {
      // A document of a model that no longer exists has no name.
    }
  }
  for (const r of rows) out.set(Number(r.id), names.get(`${r.res_model},${r.res_id}`) ?? false);
  return out;
}

export default defineModel({
  name: 'ir.attachment',
  description: 'Attachment',
  order: 'id desc',
  fields: {
    name: char({ string: 'Attachment Name', required: true, size: 256 }),
    datas_fname: char({ string: 'File Name', size: 256 }),
    description: text({ string: 'Description' }),
    res_name: char({ string: 'Resource Name', compute: resNames }),
    res_model: char({ string: 'Resource Model', size: 64, index: true, help: 'The database object this attachment will be attached to' }),
    res_id: integer({ string: 'Resource ID', index: true, help: 'The record id this is attached to' }),
    type: selection([['url', 'URL'], ['binary', 'Binary']], {
      string: 'Type', required: true, default: 'binary',
      help: 'Binary File or URL',
    }),
    url: char({ string: 'Url', size: 1024 }),
    datas: binary({ string: 'File Content' }),
    file_size: integer({ string: 'File Size' }),
    mimetype: char({ string: 'Mime Type' }),
    company_id: many2one('res.company', { string: 'Company', ondelete: 'set null', default: userCompany }),
  },
  hooks: {
    beforeCreate: async (_env, vals) => deriveFileFacts(vals),
    beforeWrite: async (_env, _ids, vals) => deriveFileFacts(vals),
  },
});
