// One window action on screen: its list, a record's form, or its graph, as the address says.
import { useEffect, useState } from 'preact/hooks';
import { navigate, type Route } from '../hash';
import { t } from '../i18n';
import { loadAction, type WindowAction } from '../views/load';
import { FormScreen } from './form-view';
import { GraphScreen } from './graph-view';
import { ListScreen } from './list-view';
import { useServices } from './services';

export function ActionScreen(props: { route: Route }) {
  const services = useServices();
  const { route } = props;
  const [action, setAction] = useState<WindowAction | null>(null);
  useEffect(() => {
    if (route.action) loadAction(route.action).then(setAction, services.fault);
    else if (route.model) setAction({ id: 0, name: route.model, res_model: route.model, view_mode: 'tree,form', view_id: false, domain: [], context: {} });
  }, [route.action, route.model]);
  if (!action) return <p>{t('loading')}</p>;

  const modes = action.view_mode.split(',').map((m) => m.trim());
  const first = modes[0];
  const viewType = route.view_type ?? (route.id ? 'form' : first === 'tree' ? 'list' : first);
  // The action's view_id names the view of its first mode, as in OpenERP.
  const viewIdFor = (mode: string): number | false => (action.view_id && first === mode ? action.view_id[0] : false);
  const open = (r: Partial<Route>) => navigate({ action: route.action, model: action.res_model, menu_id: route.menu_id, ...r });

  if (viewType === 'form') {
    return <FormScreen key={`${route.id ?? 'new'}`} action={action} model={action.res_model} id={route.id ?? null} viewId={viewIdFor('form')} open={open} />;
  }
  if (viewType === 'graph') return <GraphScreen action={action} model={action.res_model} />;
  return <ListScreen action={action} model={action.res_model} viewId={viewIdFor('tree')} open={open} />;
}
