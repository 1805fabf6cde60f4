// "Create and edit": the comodel's own form in a dialog, its name field filled with what was
// typed; saving creates the record and hands back [id, name] to the field that asked.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { callKw } from '../rpc';
import type { Values } from '../views/domain';
import type { FormView } from '../views/interpret';
import { loadForm, type Loaded } from '../views/load';
import { Dialog } from './dialog';
import { Nodes } from './form-body';
import { toServer } from './form-values';
import { type CreateDialogProps, useServices } from './services';

export function CreateDialog(props: CreateDialogProps) {
  const services = useServices();
  const [loaded, setLoaded] = useState<Loaded<FormView> | null>(null);
  const [values, setValues] = useState<Values>({});
  const [changes, setChanges] = useState<Values>({});
  useEffect(() => {
    loadForm(props.model).then(async (l) => {
      const defaults = await callKw<Values>(props.model, 'default_get', [l.view.fieldNames]);
      setValues(defaults);
      // The typed text goes into the record's name (else the form's first char field).
      const nameField = l.view.fieldNames.includes('name') ? 'name' : l.view.fieldNames.find((n) => l.fields[n].type === 'char');
      if (nameField) setChanges({ [nameField]: props.name });
      setLoaded(l);
    }).catch((err) => { services.fault(err); props.onDone(null); });
  }, [props.model]);
  const save = async () => {
    if (!loaded) return;
    try {
      const id = await callKw<number>(props.model, 'create', [toServer(changes, loaded.fields)]);
      const [pair] = await callKw<[number, string][]>(props.model, 'name_get', [[id]]);
      props.onDone(pair ?? [id, props.name]);
    } catch (err) { services.fault(err); }
  };
  return (
    <Dialog title={loaded?.view.title || t('create')} onClose={() => props.onDone(null)}
      actions={<>
        <button type="button" onClick={() => props.onDone(null)}>{t('discard')}</button>
        <button type="button" class="primary" disabled={!loaded} onClick={() => void save()}>{t('save')}</button>
      </>}>
      {loaded
        ? <div class="dialog-form"><Nodes nodes={loaded.view.body} values={{ ...values, ...changes }} locked={false} model={props.model} idPrefix="dialog-field"
            recordId={null} reload={() => undefined} onChange={(name, v) => setChanges((c) => ({ ...c, [name]: v }))} /></div>
        : <p>{t('loading')}</p>}
    </Dialog>
  );
}
