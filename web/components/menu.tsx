// The menu tree of the user's groups (ir.ui.menu; record rules hide the others). A menu with a
// window action is a link to it; on a phone the tree folds behind a "Menu" button.
import { useEffect, useState } from 'preact/hooks';
import { routeHash } from '../hash';
import { t } from '../i18n';
import { callKw } from '../rpc';
import { useServices } from './services';

interface MenuRow { id: number; name: string; parent_id: [number, string] | false; action: string | false; sequence: number }
interface MenuNode extends MenuRow { children: MenuNode[] }

function buildTree(rows: MenuRow[]): MenuNode[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as MenuNode[] }]));
  const roots: MenuNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parent_id ? nodes.get(n.parent_id[0]) : undefined;
    if (parent) parent.children.push(n);
    else if (!n.parent_id) roots.push(n);
  }
  const sort = (list: MenuNode[]) => { list.sort((a, b) => a.sequence - b.sequence || a.id - b.id); list.forEach((c) => sort(c.children)); };
  sort(roots);
  return roots;
}

/** "ir.actions.act_window,12" → 12 */
export function actionId(action: string | false): number | null {
  if (!action) return null;
  const m = /^ir\.actions\.act_window,(\d+)$/.exec(action);
  return m ? Number(m[1]) : null;
}

function MenuItems(props: { nodes: MenuNode[]; current?: number; onPick: () => void }) {
  return (
    <ul>
      {props.nodes.map((n) => {
        const action = actionId(n.action);
        return (
          <li key={n.id}>
            {action
              ? <a href={routeHash({ action, menu_id: n.id })} aria-current={props.current === n.id ? 'page' : undefined} onClick={props.onPick}>{n.name}</a>
              : <span class="menu-section">{n.name}</span>}
            {n.children.length > 0 && <MenuItems nodes={n.children} current={props.current} onPick={props.onPick} />}
          </li>
        );
      })}
    </ul>
  );
}

export function Menu(props: { current?: number; extra?: preact.ComponentChildren }) {
  const services = useServices();
  const [tree, setTree] = useState<MenuNode[] | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    callKw<MenuRow[]>('ir.ui.menu', 'search_read', [[]], { fields: ['name', 'parent_id', 'action', 'sequence'] })
      .then((rows) => setTree(buildTree(rows)), services.fault);
  }, []);
  return (
    <nav class={`menu ${open ? 'open' : ''}`} aria-label={t('menu')}>
      <button type="button" class="menu-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>{t('menu')}</button>
      <div class="menu-tree">
        {tree ? <MenuItems nodes={tree} current={props.current} onPick={() => setOpen(false)} /> : <p>{t('loading')}</p>}
        {props.extra}
      </div>
    </nav>
  );
}
