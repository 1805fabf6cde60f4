// Records the server suggests linking (a field's `options="{'suggest': '<method>'}"`), each with
// a one-click Link button that adds it to the field at once ((4, id) command).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { callKw } from '../rpc';
import { useServices } from './services';

interface Suggestion { id: number; name: string | false; subject?: string | false }

export function Suggestions(props: { method: string; field: string; record: { model: string; id: number | null }; linked: number[]; reload: () => void }) {
  const services = useServices();
  const [items, setItems] = useState<Suggestion[]>([]);
  useEffect(() => {
    callKw<Suggestion[]>(props.record.model, props.method, [props.record.id]).then(setItems, () => setItems([]));
  }, [props.record.id, props.linked.join()]);
  const shown = items.filter((s) => !props.linked.includes(s.id));
  if (!shown.length) return null;
  const link = async (s: Suggestion) => {
    try {
      await callKw(props.record.model, 'write', [[props.record.id], { [props.field]: [[4, s.id]] }]);
      props.reload();
    } catch (err) { services.fault(err); }
  };
  return (
    <section class="suggestions" aria-labelledby={`suggest-${props.field}`}>
      <h3 id={`suggest-${props.field}`}>{t('suggestions')}</h3>
      <ul>
        {shown.map((s) => {
          const label = [s.name, s.subject].filter(Boolean).join(' — ');
          return <li key={s.id}><span>{label}</span> <button type="button" aria-label={`${t('link')} ${label}`} onClick={() => void link(s)}>{t('link')}</button></li>;
        })}
      </ul>
    </section>
  );
}
