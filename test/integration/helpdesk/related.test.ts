// Suggestions for the "Incidentes relacionados" tab: earlier requests ranked by the backend's
// own text search over subject and description, plus the problems they share; only what the
// caller may see, never the request itself.
import { BACKENDS } from '../../support/backends';
import { helpdeskDbForSuite, type Role, type Tx } from './support';

const REQ = 'helpdesk.request';
type Suggestion = { id: number; name: string; subject: string; state: string; score: unknown };

const file = (t: Tx, who: Role, subject: string, description = '') =>
  t.env(who).model(REQ).create({ subject, description, category: 'technical' });
const suggest = async (t: Tx, who: Role, id: number, limit?: number) =>
  (await t.env(who).model(REQ).call('suggest_related', { id, limit })) as Suggestion[];

describe.each(BACKENDS)('related requests on %s', (backend) => {
  const h = helpdeskDbForSuite(backend);

  it('ranks the closest earlier requests first and leaves unrelated ones out', async () => {
    await h.inTransaction(async (t) => {
      const close = await file(t, 'help', 'El listado de facturas tarda minutos', 'Abrir las facturas de clientes es muy lento');
      const partial = await file(t, 'help', 'Las facturas salen sin logotipo');
      const unrelated = await file(t, 'help', 'El teclado inalámbrico no responde');
      const current = await file(t, 'help', 'Facturas: el listado tarda', 'El listado de facturas de clientes es lento');
      const got = await suggest(t, 'help', current);
      expect(got.map((s) => s.id)).toEqual([close, partial]);
      expect(got.map((s) => s.id)).not.toContain(unrelated);
      expect(got[0]).toMatchObject({ subject: 'El listado de facturas tarda minutos', state: 'draft' });
      expect(Number(got[0].score)).toBeGreaterThan(Number(got[1].score));
      expect((await suggest(t, 'help', current, 1)).map((s) => s.id)).toEqual([close]);
    });
  });

  it('matches words whatever their accents and case', async () => {
    await h.inTransaction(async (t) => {
      const accented = await file(t, 'help', 'Error de CONFIGURACIÓN en la impresión');
      const current = await file(t, 'help', 'configuracion de impresion incorrecta');
      expect((await suggest(t, 'help', current)).map((s) => s.id)).toEqual([accented]);
    });
  });

  it('follows edits of the subject and description', async () => {
    await h.inTransaction(async (t) => {
      const older = await file(t, 'help', 'El correo no sale');
      const current = await file(t, 'help', 'Copias de seguridad fallidas');
      expect(await suggest(t, 'help', current)).toEqual([]);
      await t.env('help').model(REQ).write([older], { description: 'Tampoco funcionan las copias de seguridad' });
      expect((await suggest(t, 'help', current)).map((s) => s.id)).toEqual([older]);
    });
  });

  it('counts the problems two requests share', async () => {
    await h.inTransaction(async (t) => {
      const problem = await t.env('support').model('helpdesk.problem').create({ name: 'Red', request_category: 'technical', category: 'configuration' });
      const sharing = await file(t, 'help', 'Sin conexión en la planta baja');
      const current = await file(t, 'help', 'Los equipos pierden la red');
      for (const id of [sharing, current]) {
        await t.su().model(REQ).call('signal_workflow', { ids: [id], signal: 'notify' });
        await t.su().model(REQ).call('signal_workflow', { ids: [id], signal: 'review' });
        await t.env('support').model(REQ).write([id], { problem_ids: [[4, problem]] });
      }
      expect((await suggest(t, 'support', current)).map((s) => s.id)).toEqual([sharing]);
    });
  });

  it('suggests only requests the caller may see, and never later ones', async () => {
    await h.inTransaction(async (t) => {
      const elsewhere = await file(t, 'otherHelp', 'El escáner no digitaliza');
      const current = await file(t, 'help', 'El escáner no digitaliza nada');
      const later = await file(t, 'help', 'El escáner no digitaliza en color');
      await t.su().model(REQ).writeInternal([later], { date: '2999-01-01 00:00:00' });
      expect(await suggest(t, 'help', current)).toEqual([]);
      expect((await suggest(t, 'support', current)).map((s) => s.id)).toEqual([elsewhere]);
    });
  });
});
