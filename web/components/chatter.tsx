// The chatter under a form of a model that has one (its fields include message_ids): messages
// and status tracking oldest first, followers, posting a message or a note, attaching a file.
import { useEffect, useState } from 'preact/hooks';
import { formatDatetime } from '../format';
import { t } from '../i18n';
import { callKw } from '../rpc';
import { SafeHtml } from '../safe-html';
import { loadFields } from '../views/load';
import { useServices } from './services';
import { fileToBase64 } from './widgets';

interface Message { id: number; date: string; body: string | false; subject: string | false; author_id: [number, string] | false; type: string; subtype_id: [number, string] | false; attachment_ids?: number[] }
interface Attachment { id: number; name: string; datas_fname: string | false }

export function Chatter(props: { model: string; id: number; version: number }) {
  const services = useServices();
  const [enabled, setEnabled] = useState(false);
  const [messages, setMessages] = useState<Message[]>([]);
  const [followers, setFollowers] = useState<[number, string][]>([]);
  const [following, setFollowing] = useState(false);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => { loadFields(props.model).then((f) => setEnabled(!!f.message_ids), () => setEnabled(false)); }, [props.model]);
  useEffect(() => {
    if (!enabled) return;
    const where = [['model', '=', props.model], ['res_id', '=', props.id]];
    Promise.all([
      callKw<Message[]>('mail.message', 'search_read', [where, ['date', 'body', 'subject', 'author_id', 'type', 'subtype_id', 'attachment_ids']], { order: 'date asc, id asc' }),
      callKw<Record<string, unknown>[]>(props.model, 'read', [[props.id], ['message_follower_ids', 'message_is_follower']]),
      callKw<Attachment[]>('ir.attachment', 'search_read', [[['res_model', '=', props.model], ['res_id', '=', props.id]], ['name', 'datas_fname']]),
    ]).then(async ([msgs, [rec], atts]) => {
      setMessages(msgs);
      setAttachments(atts);
      const ids = (rec?.message_follower_ids as number[]) ?? [];
      setFollowing(!!rec?.message_is_follower);
      setFollowers(ids.length ? await callKw<[number, string][]>('res.partner', 'name_get', [ids]) : []);
    }).catch(services.fault);
  }, [enabled, props.id, props.version, reload]);

  if (!enabled) return null;

  const post = async (note: boolean) => {
    if (!text.trim() && !file) return;
    setBusy(true);
    try {
      const attachmentIds: number[] = [];
      if (file) {
        attachmentIds.push(await callKw<number>('ir.attachment', 'create', [{
          name: file.name, datas_fname: file.name, datas: await fileToBase64(file), res_model: props.model, res_id: props.id,
        }]));
      }
      await callKw(props.model, 'message_post', [[props.id]], {
        body: text, content_subtype: 'plaintext', type: 'comment', subtype: note ? false : 'mail.mt_comment',
        attachment_ids: attachmentIds,
      });
      setText('');
      setFile(null);
      setReload(reload + 1);
    } catch (err) {
      services.fault(err);
    } finally {
      setBusy(false);
    }
  };
  const toggleFollow = async () => {
    try {
      await callKw(props.model, following ? 'message_unsubscribe_users' : 'message_subscribe_users', [[props.id]]);
      setReload(reload + 1);
    } catch (err) { services.fault(err); }
  };
  const attachmentName = (id: number) => attachments.find((a) => a.id === id)?.name ?? `#${id}`;

  return (
    <section class="chatter" aria-labelledby="chatter-title">
      <h2 id="chatter-title">{t('chatter')}</h2>
      <div class="composer">
        <label for="chatter-text">{t('message')}</label>
        <textarea id="chatter-text" rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <label for="chatter-file">{t('attachFile')}</label>
        <input key={reload} id="chatter-file" type="file" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
        <div class="buttons">
          <button type="button" class="primary" disabled={busy} onClick={() => void post(false)}>{t('sendMessage')}</button>
          <button type="button" disabled={busy} onClick={() => void post(true)}>{t('logNote')}</button>
        </div>
      </div>
      <div class="followers">
        <h3>{t('followers')} ({followers.length})</h3>
        <button type="button" aria-pressed={following} onClick={() => void toggleFollow()}>{following ? t('unfollow') : t('follow')}</button>
        <ul>{followers.map(([id, name]) => <li key={id}>{name}</li>)}</ul>
      </div>
      <ol class="messages" aria-label={t('chatter')}>
        {messages.map((m) => (
          <li key={m.id} class={`message message-${m.type}`}>
            <p class="message-meta">
              <strong>{m.author_id ? m.author_id[1] : ''}</strong> <time dateTime={m.date}>{formatDatetime(m.date)}</time>
              {m.subtype_id && <span class="subtype"> · {m.subtype_id[1]}</span>}
            </p>
            {m.subject && <p class="message-subject">{m.subject}</p>}
            {m.body && <SafeHtml html={m.body} />}
            {m.attachment_ids && m.attachment_ids.length > 0 && (
              <p class="message-attachments">{t('attachments')}: {m.attachment_ids.map(attachmentName).join(', ')}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
