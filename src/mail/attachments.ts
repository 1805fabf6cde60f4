// The files of the messages being mailed, read once per batch, so that notifications carry the
// attachments of their message as OpenERP's do.
import type { MailDb } from './claim';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType?: string;
}

export async function attachmentsOf(db: MailDb, messageIds: number[]): Promise<Map<number, MailAttachment[]>> {
  const out = new Map<number, MailAttachment[]>();
  const ids = [...new Set(messageIds)];
  if (!ids.length) return out;
  const rows = (await db.knex('message_attachment_rel as r')
    .join('ir_attachment as a', 'a.id', 'r.attachment_id')
    .whereIn('r.message_id', ids)
    .select('r.message_id', 'a.name', 'a.datas_fname', 'a.datas', 'a.mimetype')
    .orderBy('a.id')) as Record<string, unknown>[];
  for (const r of rows) {
    if (typeof r.datas !== 'string') continue;
    const list = out.get(Number(r.message_id)) ?? [];
    list.push({
      filename: String(r.datas_fname || r.name),
      content: Buffer.from(r.datas, 'base64'),
      contentType: typeof r.mimetype === 'string' && r.mimetype ? r.mimetype : undefined,
    });
    out.set(Number(r.message_id), list);
  }
  return out;
}
