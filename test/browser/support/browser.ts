// Browser tests' fixtures: the bundle (built from the sources), Debian's chromium through
// playwright-core, the support center's cast on a real server, and screenshots of screens.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_CLIENT_DIR } from '../../../src/web/client-page';
import { client } from '../../e2e/support/npm-client';
import type { TestServer } from '../../e2e/support/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the bundle from the sources as they are (about a second), so a stale one is never tested. */
export async function ensureBundle(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildWebClient } = require('../../../web/build.js') as { buildWebClient: () => Promise<string> };
  await buildWebClient();
  if (!existsSync(join(WEB_CLIENT_DIR, 'app.js'))) throw new Error(`no bundle in ${WEB_CLIENT_DIR}`);
}

export async function launchBrowser(): Promise<Browser> {
  await ensureBundle();
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/**
 * Screenshots go to docs/screenshots when SCREENSHOTS=docs (to refresh the documentation),
 * else to a scratch folder, so a test run leaves the working tree as it was.
 */
const SHOTS = process.env.SCREENSHOTS === 'docs' ? join(__dirname, '..', '..', '..', 'docs', 'screenshots') : join(tmpdir(), 'webclient-screenshots');
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

export interface Cast { help: { login: string; password: string }; support: { login: string; password: string }; requesterEmail: string; problem: string; resource: string }

/** Users of the help and support centers, a requester with an email, a problem and a resource. */
export async function seedCast(server: TestServer): Promise<Cast> {
  const { call } = client(server.port);
  const uid = await call('/xmlrpc/2/common', 'authenticate', server.db, server.login, server.password, {}) as number;
  const exec = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    call('/xmlrpc/2/object', 'execute_kw', server.db, uid, server.password, model, method, args, kwargs);
  const groupId = async (xmlid: string) => {
    const [module, name] = xmlid.split('.');
    const [row] = await exec('ir.model.data', 'search_read', [[['module', '=', module], ['name', '=', name]], ['res_id']]) as { res_id: number }[];
    return row.res_id;
  };
  const help = await groupId('helpdesk_master.group_help_center');
  const support = await groupId('helpdesk_master.group_support_center');
  await exec('res.users', 'create', [{ login: 'ayuda', password: 'ayuda-pw', name: 'Ana Ayuda', email: 'ana@ayuda.example', groups_id: [[6, 0, [help]]] }]);
  await exec('res.users', 'create', [{ login: 'soporte', password: 'soporte-pw', name: 'Sergio Soporte', email: 'sergio@soporte.example', groups_id: [[6, 0, [support]]] }]);
  await exec('res.partner', 'create', [{ name: 'Clínica Norte', email: 'clinica@norte.example' }]);
  await exec('helpdesk.problem', 'create', [{ name: 'Controlador de impresora ausente', request_category: 'technical', category: 'installation' }]);
  await exec('helpdesk.resource', 'create', [{ name: 'Técnico de guardia', category: 'material', cost: 10 }]);
  // Other open requests, so that lists, groups and statistics have something to compare.
  const others: [string, string][] = [
    ['El informe mensual sale vacío', 'functional'], ['Nuevo campo en la ficha de cliente', 'development'],
    ['No arranca el servidor de correo', 'technical'], ['Cómo exportar las facturas', 'functional'],
  ];
  // An earlier, cancelled incident like the one the test files: the related-incident suggestion.
  const similar = await exec('helpdesk.request', 'create', [{ subject: 'La impresora de contabilidad no imprime', category: 'technical' }]) as number;
  await call('/xmlrpc/2/object', 'exec_workflow', server.db, uid, server.password, 'helpdesk.request', 'cancel', similar);
  for (const [subject, category] of others) {
    const id = await exec('helpdesk.request', 'create', [{ subject, category }]) as number;
    if (category === 'functional') await call('/xmlrpc/2/object', 'exec_workflow', server.db, uid, server.password, 'helpdesk.request', 'notify', id);
  }
  return {
    help: { login: 'ayuda', password: 'ayuda-pw' }, support: { login: 'soporte', password: 'soporte-pw' },
    requesterEmail: 'clinica@norte.example', problem: 'Controlador de impresora ausente', resource: 'Técnico de guardia',
  };
}

/** Logs in through the login page, choosing Spanish (the labels below are then Spanish). */
export async function logIn(page: Page, server: TestServer, who: { login: string; password: string }): Promise<void> {
  await page.goto(`${server.url}/web`);
  await page.getByLabel(/^(Idioma|Language)$/).selectOption({ label: 'Español' });
  const databases = page.getByLabel('Base de datos');
  if (await databases.count()) await databases.selectOption(server.db);
  await page.getByLabel('Usuario').fill(who.login);
  await page.getByLabel('Contraseña').fill(who.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('navigation').getByRole('link').first().waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Salir' }).click();
  await page.getByRole('button', { name: 'Entrar' }).waitFor();
}
