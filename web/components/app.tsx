// The application: the session (login page or the working screens), the address after '#',
// the fault and question dialogs, the lost-connection notice and the language switch.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { setTimeZone } from '../format';
import { parseHash, type Route } from '../hash';
import { LANGUAGES, lang, setLang, t } from '../i18n';
import { onConnectionChange, rpc, RpcError, setCallContext, type SessionInfo } from '../rpc';
import { ActionScreen } from './action-screen';
import { CreateDialog } from './create-dialog';
import { ConfirmDialog, FaultDialog } from './dialog';
import { LoginPage } from './login';
import { Menu } from './menu';
import { ServicesContext, type Services } from './services';

const LANG_KEY = 'webclient.lang';

function applySession(info: SessionInfo): void {
  const chosen = localStorage.getItem(LANG_KEY) ?? info.user_context?.lang;
  setLang(chosen ?? undefined);
  setCallContext({ ...info.user_context, lang: lang() });
  setTimeZone(info.user_context?.tz);
}

interface Question { title: string; text: string; yes: string; no: string; answer: (yes: boolean) => void }

export function App() {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(parseHash(location.hash));
  const [fault, setFault] = useState<unknown>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const [offline, setOffline] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  const [listIds, setListIds] = useState<{ model: string; ids: number[] } | null>(null);
  const guard = useRef<(() => boolean) | null>(null);
  const shownHash = useRef(location.hash);

  useEffect(() => onConnectionChange(setOffline), []);
  useEffect(() => {
    rpc<SessionInfo>('/web/session/get_session_info').then((info) => {
      if (info && info.uid) applySession(info);
      else setLang(localStorage.getItem(LANG_KEY) ?? navigator.language);
      setSession(info && info.uid ? info : null);
    }, () => { setLang(localStorage.getItem(LANG_KEY) ?? navigator.language); setSession(null); });
  }, []);

  const confirm = useCallback((title: string, text: string, yes: string, no: string) => new Promise<boolean>((resolve) => {
    setQuestion({ title, text, yes, no, answer: (v) => { setQuestion(null); resolve(v); } });
  }), []);

  useEffect(() => {
    const onHash = async () => {
      if (location.hash === shownHash.current) return;
      if (guard.current && guard.current()) {
        const target = location.hash;
        history.replaceState(null, '', shownHash.current);
        if (!await confirm(t('unsavedTitle'), t('unsavedText'), t('leave'), t('stay'))) return;
        guard.current = null;
        history.pushState(null, '', target);
      }
      shownHash.current = location.hash;
      setRoute(parseHash(location.hash));
    };
    const onUnload = (e: BeforeUnloadEvent) => { if (guard.current && guard.current()) e.preventDefault(); };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('beforeunload', onUnload);
    return () => { window.removeEventListener('hashchange', onHash); window.removeEventListener('beforeunload', onUnload); };
  }, []);

  const showFault = useCallback((err: unknown) => {
    if (err instanceof RpcError && err.sessionExpired) { setNotice(t('sessionExpired')); setSession(null); return; }
    setFault(err);
  }, []);

  const changeLang = useCallback((code: string) => {
    localStorage.setItem(LANG_KEY, code);
    setLang(code);
    if (session) setCallContext({ ...session.user_context, lang: lang() });
    document.documentElement.lang = lang().slice(0, 2);
    setGeneration((g) => g + 1);
  }, [session]);

  const logout = async () => {
    try { await rpc('/web/session/destroy'); } catch (err) { showFault(err); return; }
    guard.current = null;
    setSession(null);
  };

  if (session === undefined) return <p class="loading">…</p>;
  const banner = offline && <div class="offline" role="status">{t('connectionLost')}</div>;
  const dialogs = <>
    {fault !== null && <FaultDialog error={fault} english={lang() === 'en_US'} onClose={() => setFault(null)} />}
    {question && <ConfirmDialog {...question} onAnswer={question.answer} />}
  </>;
  if (session === null) {
    return <>{banner}<LoginPage notice={notice} onLang={changeLang}
      onLogin={(info) => { applySession(info); setNotice(undefined); setSession(info); setGeneration((g) => g + 1); }} />{dialogs}</>;
  }

  const services: Services = {
    session, fault: showFault, confirm, setLeaveGuard: (g) => { guard.current = g; }, listIds, setListIds, changeLang,
    CreateDialog,
  };
  return (
    <ServicesContext.Provider value={services}>
      {banner}
      <header class="topbar">
        <a class="brand" href="#">{t('appName')}</a>
        <span class="user">{session.name ?? session.username}</span>
        <label class="lang-switch">
          <span class="sr-only">{t('language')}</span>
          <select aria-label={t('language')} value={lang()} onChange={(e) => changeLang((e.target as HTMLSelectElement).value)}>
            {LANGUAGES.map((l) => <option key={l.code} value={l.code}>{l.label}</option>)}
          </select>
        </label>
        <button type="button" onClick={logout}>{t('logOut')}</button>
      </header>
      <div class="layout" key={generation}>
        <Menu current={route.menu_id} />
        <main class="content">
          {route.action || route.model
            ? <ActionScreen key={route.action ? `action-${route.action}` : `model-${route.model}`} route={route} />
            : <p class="welcome">{t('appName')}</p>}
        </main>
      </div>
      {dialogs}
    </ServicesContext.Provider>
  );
}
