// A record's form: read (or defaults for a new one), edit, save or discard, the workflow's
// buttons and status bar, previous/next through the list it came from, and its chatter.
import { useEffect, useState } from 'preact/hooks';
import { routeHash, type Route } from '../hash';
import { t } from '../i18n';
import { callKw, getCallContext, rpc } from '../rpc';
import type { Values } from '../views/domain';
import { fieldNodes, visibleButtons, type ButtonNode, type Fields, type FormView } from '../views/interpret';
import { parsePyLiteral } from '../views/py-literal';
import { loadForm, type Loaded, type WindowAction } from '../views/load';
import { Chatter } from './chatter';
import { Nodes, StatusBar } from './form-body';
import { toServer } from './form-values';
import { PrintMenu } from './print-menu';
import { useServices } from './services';

export function FormScreen(props: { action: WindowAction; model: string; id: number | null; viewId: number | false; open: (r: Partial<Route>) => void }) {
  const services = useServices();
  const [loaded, setLoaded] = useState<Loaded<FormView> | null>(null);
  const [record, setRecord] = useState<Values | null>(null);
  const [changes, setChanges] = useState<Values>({});
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const dirty = Object.keys(changes).length > 0;

  useEffect(() => {
    loadForm(props.model, props.viewId).then(async (l) => {
      const names = [...new Set([...l.view.fieldNames, ...(l.fields.state ? ['state'] : [])])];
      if (props.id) {
        const [row] = await callKw<Values[]>(props.model, 'read', [[props.id], names]);
        if (!row) throw new Error(`${props.model} ${props.id}: ${t('noRecords')}`);
        setRecord(row);
      } else {
        setRecord(await callKw<Values>(props.model, 'default_get', [names]));
      }
      setLoaded(l);
    }).catch(services.fault);
  }, [props.model, props.id, version]);

  useEffect(() => {
    services.setLeaveGuard(dirty || !props.id ? () => Object.keys(changes).length > 0 : null);
    return () => services.setLeaveGuard(null);
  }, [dirty, changes]);

  if (!loaded || !record) return <p>{t('loading')}</p>;
  const { view, fields } = loaded;
  const values: Values = { ...record, ...changes };

  const save = async (): Promise<number | null> => {
    setBusy(true);
    try {
      const vals = toServer(changes, fields);
      if (props.id) {
        if (dirty) await callKw(props.model, 'write', [[props.id], vals]);
        setChanges({});
        setVersion(version + 1);
        return props.id;
      }
      const id = await callKw<number>(props.model, 'create', [vals]);
      services.setLeaveGuard(null);
      setChanges({});
      props.open({ id, view_type: 'form' });
      return id;
    } catch (err) {
      services.fault(err);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const press = async (b: ButtonNode) => {
    const id = dirty || !props.id ? await save() : props.id;
    if (!id) return;
    setBusy(true);
    try {
      if (b.type === 'workflow') await callKw(props.model, 'signal_workflow', [[id], b.name]);
      else await rpc('/web/dataset/call_button', { model: props.model, method: b.name, args: [[id]], kwargs: { context: getCallContext() } });
    } catch (err) {
      services.fault(err);
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
    }
  };

  /** A field's on_change runs with the values as they now are; its answer fills other fields. */
  const change = async (name: string, v: unknown) => {
    const next = { ...changes, [name]: v };
    setChanges(next);
    const hook = fieldNodes(view.body).find((n) => n.name === name)?.onChange;
    if (!hook) return;
    const now: Values = { ...record, ...next };
    const args = hook.args.map((a) => (a === 'context' ? getCallContext()
      : /^\w+$/.test(a) && a in fields ? toServer({ [a]: now[a] }, fields)[a] : parsePyLiteral(a)));
    try {
      const answer = await callKw<{ value?: Values; warning?: { title?: string; message: string } } | false>(props.model, hook.method, [props.id ? [props.id] : [], ...args]);
      if (answer && answer.value) setChanges((c) => ({ ...c, ...answer.value }));
      if (answer && answer.warning) services.fault(new Error(answer.warning.message));
    } catch (err) { services.fault(err); }
  };

  const discard = () => {
    setChanges({});
    if (!props.id) { services.setLeaveGuard(null); props.open({ id: undefined, view_type: 'list' }); }
  };
  const list = services.listIds?.model === props.model ? services.listIds.ids : [];
  const at = props.id ? list.indexOf(props.id) : -1;
  const title = typeof values.name === 'string' && values.name ? values.name : props.id ? `${view.title} ${props.id}` : `${view.title}`;
  const statusbar = view.header?.statusbar;
  const buttons = props.id ? visibleButtons(view.header, record) : [];

  return (
    <section class="form-screen" aria-labelledby="form-title">
      <div class="control-panel">
        <p class="breadcrumb"><a href={routeHash({ action: props.action.id || undefined, model: props.model, view_type: 'list' })}>{props.action.name}</a></p>
        <h1 id="form-title">{title}</h1>
        <div class="buttons">
          <button type="button" class="primary" disabled={busy || (!dirty && !!props.id)} onClick={() => void save()}>{t('save')}</button>
          {(dirty || !props.id) && <button type="button" disabled={busy} onClick={discard}>{t('discard')}</button>}
          {props.id && <PrintMenu model={props.model} ids={[props.id]} />}
        </div>
        {at >= 0 && list.length > 1 && (
          <div class="pager">
            <span>{at + 1} / {list.length}</span>
            <button type="button" disabled={at === 0} onClick={() => props.open({ id: list[at - 1], view_type: 'form' })}>{t('previous')}</button>
            <button type="button" disabled={at === list.length - 1} onClick={() => props.open({ id: list[at + 1], view_type: 'form' })}>{t('next')}</button>
          </div>
        )}
      </div>
      {(view.header || statusbar) && (
        <div class="form-header">
          <div class="workflow-buttons">
            {buttons.map((b) => <button key={b.name} type="button" class={b.highlight ? 'primary' : undefined} disabled={busy} onClick={() => void press(b)}>{b.string}</button>)}
          </div>
          {statusbar && <StatusBar node={statusbar} value={values[statusbar.name]} />}
        </div>
      )}
      <div class="form-body">
        <Nodes nodes={view.body} values={values} locked={busy} model={props.model} recordId={props.id} reload={() => setVersion((v) => v + 1)} onChange={(name, v) => void change(name, v)} />
      </div>
      {props.id && <Chatter model={props.model} id={props.id} version={version} />}
    </section>
  );
}
