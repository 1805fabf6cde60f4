// Type-ahead over name_search for a many2one (and for adding to a many2many): a combobox with
// its listbox of matches, and "Create ..." through name_create when nothing fits.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { callKw } from '../rpc';
import { useServices } from './services';

export type NamePair = [number, string];

let comboSeq = 0;

export function NameSearchInput(props: {
  id: string; relation: string; value: NamePair | false; readonly?: boolean; required?: boolean; exclude?: number[];
  placeholder?: string; canCreate?: boolean; onPick: (v: NamePair | false) => void; clearAfterPick?: boolean;
}) {
  const services = useServices();
  const [text, setText] = useState(props.value ? props.value[1] : '');
  const [options, setOptions] = useState<NamePair[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [editing, setEditing] = useState<string | null>(null);
  const listId = useRef(`combo-${++comboSeq}`).current;
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => { setText(props.value ? props.value[1] : ''); }, [props.value && props.value[0], props.value && props.value[1]]);

  const lookup = (needle: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const args = props.exclude?.length ? [['id', 'not in', props.exclude]] : [];
      callKw<NamePair[]>(props.relation, 'name_search', [], { name: needle, args, operator: 'ilike', limit: 8 })
        .then((found) => { setOptions(found); setOpen(true); setActive(-1); }, services.fault);
    }, 150);
  };
  const pick = async (choice: NamePair | 'create' | 'createEdit' | false) => {
    setOpen(false);
    if (choice === 'createEdit') { setEditing(text.trim()); return; }
    if (choice === 'create') {
      try {
        const created = await callKw<NamePair>(props.relation, 'name_create', [text.trim()]);
        props.onPick(created);
      } catch (err) { services.fault(err); }
    } else props.onPick(choice);
    if (props.clearAfterPick) setText('');
  };
  const createOffered = props.canCreate !== false && text.trim() !== '' && !options.some((o) => o[1] === text.trim());
  const choices: (NamePair | 'create' | 'createEdit')[] = [...options, ...(createOffered ? ['create' as const, 'createEdit' as const] : [])];

  return (
    <div class="combo">
      <input id={props.id} role="combobox" aria-autocomplete="list" aria-expanded={open} aria-controls={listId} autocomplete="off"
        value={text} readOnly={props.readonly} required={props.required} placeholder={props.placeholder}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        onInput={(e) => { const v = (e.target as HTMLInputElement).value; setText(v); lookup(v); if (!v && !props.clearAfterPick) props.onPick(false); }}
        onFocus={() => { if (!props.readonly) lookup(props.clearAfterPick ? text : ''); }}
        onBlur={() => window.setTimeout(() => { setOpen(false); if (!props.clearAfterPick) setText(props.value ? props.value[1] : ''); }, 200)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive(Math.min(active + 1, choices.length - 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(Math.max(active - 1, 0)); }
          else if (e.key === 'Enter' && open && active >= 0) { e.preventDefault(); void pick(choices[active]); }
          else if (e.key === 'Escape') setOpen(false);
        }} />
      {open && !props.readonly && (
        <ul id={listId} role="listbox" class="combo-list">
          {choices.map((c, i) => (
            <li key={typeof c === 'string' ? c : c[0]} id={`${listId}-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); void pick(c); }}>
              {c === 'create' ? t('createNamed', text.trim()) : c === 'createEdit' ? t('createAndEdit') : c[1]}
            </li>
          ))}
        </ul>
      )}
      {editing !== null && (
        <services.CreateDialog model={props.relation} name={editing} onDone={(created) => {
          setEditing(null);
          if (created) props.onPick(created);
          if (props.clearAfterPick) setText('');
        }} />
      )}
    </div>
  );
}
