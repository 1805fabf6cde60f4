// Attachments follow the document they are attached to (PROTOCOL §10.2): seeing one needs read
// access to the document, adding, changing or deleting one needs write access to it.
import { AccessError, MissingError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { makeUser, openBaseDb, type BaseDb } from '../base/support';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe.each(BACKENDS)('attachment access on %s', (backend) => {
  let base: BaseDb;
  let employee: number;
  let manager: number;
  let outsider: number;
  let onPartner: number;
  let onHidden: number;
  let loose: number;
  let tagA: number;
  let tagB: number;

  beforeAll(async () => {
    base = await openBaseDb(backend);
    const su = base.env(1);
    employee = await makeUser(base, 'employee', ['base.group_user']);
    manager = await makeUser(base, 'manager', ['base.group_user', 'base.group_partner_manager']);
    // A group with rights on attachments only: it cannot read partners at all.
    const [attModel] = await su.model('ir.model').search([['model', '=', 'ir.attachment']]);
    const group = await su.model('res.groups').create({ name: 'Attachments only' });
    await su.model('ir.model.access').create({ name: 'att only', model_id: attModel, group_id: group,
      perm_read: true, perm_write: true, perm_create: true, perm_unlink: true });
    outsider = await su.model('res.users').create({ name: 'Outsider', login: 'outsider', groups_id: [[6, 0, [group]]] });

    tagA = await su.model('res.partner.category').create({ name: 'A' });
    tagB = await su.model('res.partner.category').create({ name: 'B' });
    const [catModel] = await su.model('ir.model').search([['model', '=', 'res.partner.category']]);
    await su.model('ir.rule').create({ name: 'hide B', model_id: catModel, domain_force: JSON.stringify([['name', '!=', 'B']]) });
    onPartner = await su.model('ir.attachment').create({ name: 'contract.txt', datas_fname: 'contract.txt',
      datas: b64('signed'), res_model: 'res.partner', res_id: 1 });
    onHidden = await su.model('ir.attachment').create({ name: 'b.txt', res_model: 'res.partner.category', res_id: tagB });
    await su.model('ir.attachment').create({ name: 'a.txt', res_model: 'res.partner.category', res_id: tagA });
    loose = await su.model('ir.attachment').create({ name: 'loose.pdf', datas_fname: 'loose.pdf', datas: b64('%PDF') });
  });
  afterAll(async () => { await base?.destroy(); });

  const names = async (uid: number) => {
    const env = base.env(uid);
    const rows = await env.model('ir.attachment').searchRead([], ['name']);
    return rows.map((r) => r.name).sort();
  };

  it('derives the size and type of the file', async () => {
    const [row] = await base.env(employee).model('ir.attachment').read([onPartner], ['file_size', 'mimetype', 'res_name']);
    expect(row).toEqual({ id: onPartner, file_size: 6, mimetype: 'text/plain', res_name: 'My Company' });
    const [pdf] = await base.env(employee).model('ir.attachment').read([loose], ['mimetype']);
    expect(pdf.mimetype).toBe('application/pdf');
  });

  it('hides attachments of documents the user may not read', async () => {
    expect(await names(employee)).toEqual(['a.txt', 'contract.txt', 'loose.pdf']);
    expect(await names(outsider)).toEqual(['loose.pdf']);
    expect(await base.env(employee).model('ir.attachment').read([onHidden], ['name'])).toEqual([]);
    expect(await base.env(employee).model('ir.attachment').searchCount([['res_model', '=', 'res.partner.category']])).toBe(1);
  });

  it('needs write access to the document to attach, change or delete', async () => {
    const env = base.env(employee);
    await expect(env.model('ir.attachment').create({ name: 'x.txt', res_model: 'res.partner', res_id: 1 }))
      .rejects.toThrow(AccessError);
    await expect(env.model('ir.attachment').write([onPartner], { description: 'no' })).rejects.toThrow(MissingError);
    await expect(env.model('ir.attachment').unlink([onPartner])).rejects.toThrow(MissingError);
    const mine = await base.env(manager).model('ir.attachment').create({ name: 'ok.txt', res_model: 'res.partner', res_id: 1 });
    await base.env(manager).model('ir.attachment').write([mine], { description: 'fine' });
    await base.env(manager).model('ir.attachment').unlink([mine]);
    expect(await base.db.knex('ir_attachment').where('id', mine)).toHaveLength(0);
  });

  it('lets anyone with attachment rights keep files attached to nothing', async () => {
    const id = await base.env(outsider).model('ir.attachment').create({ name: 'note.txt', datas: b64('hi') });
    const [row] = await base.env(outsider).model('ir.attachment').read([id], ['datas', 'file_size']);
    expect(row).toEqual({ id, datas: b64('hi'), file_size: 2 });
  });
});
