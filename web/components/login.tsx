// The login page: database (a chooser when the server lists several), login, password and the
// language of the screens. A wrong password says so and keeps what was typed.
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, lang, setLang, t } from '../i18n';
import { rpc, RpcError, type SessionInfo } from '../rpc';

async function listDatabases(): Promise<string[] | null> {
  try {
    return await rpc<string[]>('/web/database/list');
  } catch {
    try { return await rpc<string[]>('/jsonrpc', { service: 'db', method: 'list', args: [] }); } catch { return null; }
  }
}

export function LoginPage(props: { onLogin: (s: SessionInfo) => void; onLang: (l: string) => void; notice?: string }) {
  const [databases, setDatabases] = useState<string[] | null | undefined>(undefined);
  const [db, setDb] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    listDatabases().then((list) => {
      setDatabases(list);
      if (list && list.length) setDb(list[0]);
    });
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const info = await rpc<SessionInfo>('/web/session/authenticate', { db, login, password });
      if (!info || !info.uid) setError(t('wrongLogin'));
      else props.onLogin(info);
    } catch (err) {
      const denied = err instanceof RpcError && /AccessDenied|Access Denied/.test(`${err.data.name} ${err.message}`);
      setError(denied ? t('wrongLogin') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login-page">
      <form class="login-box" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('appName')}</h1>
        {props.notice && <p class="notice" role="status">{props.notice}</p>}
        {databases && databases.length > 1 && (
          <p>
            <label for="login-db">{t('database')}</label>
            <select id="login-db" value={db} onChange={(e) => setDb((e.target as HTMLSelectElement).value)}>
              {databases.map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          </p>
        )}
        {databases === null && (
          <p>
            <label for="login-db">{t('database')}</label>
            <input id="login-db" value={db} required onInput={(e) => setDb((e.target as HTMLInputElement).value)} />
          </p>
        )}
        <p>
          <label for="login-login">{t('login')}</label>
          <input id="login-login" autocomplete="username" required value={login} onInput={(e) => setLogin((e.target as HTMLInputElement).value)} />
        </p>
        <p>
          <label for="login-password">{t('password')}</label>
          <input id="login-password" type="password" autocomplete="current-password" value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </p>
        <p>
          <label for="login-lang">{t('language')}</label>
          <select id="login-lang" value={lang()} onChange={(e) => { const v = (e.target as HTMLSelectElement).value; setLang(v); props.onLang(v); }}>
            {LANGUAGES.map((l) => <option key={l.code} value={l.code}>{l.label}</option>)}
          </select>
        </p>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{t('logIn')}</button>
      </form>
    </main>
  );
}
