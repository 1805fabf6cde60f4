// The `session_id` cookie of the JSON-RPC web API, for every HTTP route that acts as the logged-in
// user (JSON routes, the web client's pages, report downloads): read it from a request, write it
// on an answer. Call `findRequestSession(sessions, req)` to learn the session's database and uid.
import type { IncomingMessage } from 'node:http';
import type { SessionStore, WebSession } from '../../auth/sessions';

export { checkCsrfToken } from '../../auth/sessions';
export type { SessionStore, WebSession } from '../../auth/sessions';

export const SESSION_COOKIE = 'session_id';

/** The session_id cookie's value in a Cookie header, or null. */
export function sessionIdOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}

/**
 * The live session (database, uid, CSRF token) of a request's cookie, or null when there is none,
 * or it expired, was revoked by a password change, or names another database's session.
 */
export function findRequestSession(sessions: SessionStore, req: Pick<IncomingMessage, 'headers'>): Promise<WebSession | null> {
  return sessions.find(sessionIdOf(req.headers.cookie));
}

export interface CookieOptions {
  /** Behind an HTTPS proxy: the browser sends the cookie over HTTPS only. */
  secure: boolean;
}

/** The Set-Cookie value that opens (session) or clears (null) the session cookie. */
export function sessionCookie(session: WebSession | null, opts: CookieOptions): string {
  const flags = `Path=/; HttpOnly; SameSite=Lax${opts.secure ? '; Secure' : ''}`;
  if (!session) return `${SESSION_COOKIE}=; ${flags}; Max-Age=0`;
  const maxAge = Math.max(0, Math.round((session.expiresMs - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${session.sid}; ${flags}; Max-Age=${maxAge}`;
}
