/**
 * Who may use the admin endpoints when an admin token is set: a client sends `Authorization: Bearer <token>`; a
 * browser cannot add that header to a page load or an EventSource, so the workbench trades the token once
 * (`/_emulator/ui?token=…`) for an HttpOnly, SameSite=Strict cookie. The cookie is honoured for reads, and for the
 * workbench's own POSTs only with its `x-bfe-workbench` header: a cross-site form cannot set a custom header, so a
 * page elsewhere cannot make the browser reset the world or invoke flows (OWASP CSRF cheat sheet, "custom request headers").
 */
import { timingSafeEqual } from 'node:crypto';

const ADMIN_COOKIE = 'bfe_admin';
const WORKBENCH_HEADER = 'x-bfe-workbench';

export interface AdminRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The value of cookie `name` in a Cookie header (RFC 6265 §5.4: `name=value` pairs separated by `; `). */
function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
  const text = Array.isArray(header) ? header.join('; ') : header;
  if (!text) return undefined;
  for (const pair of text.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Whether `req` presents the admin token (always true when none is set). */
export function presentsAdminToken(req: AdminRequest, token: string | undefined): boolean {
  if (token === undefined) return true;
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && same(auth, `Bearer ${token}`)) return true;
  const cookie = cookieValue(req.headers.cookie, ADMIN_COOKIE);
  if (cookie === undefined || !same(cookie, token)) return false;
  return req.method === 'GET' || req.method === 'HEAD' || req.headers[WORKBENCH_HEADER] !== undefined;
}

/** The Set-Cookie value that lets this browser in: scoped to the admin paths, unreadable by scripts. */
export function adminCookie(token: string): string {
  return `${ADMIN_COOKIE}=${encodeURIComponent(token)}; Path=/_emulator; HttpOnly; SameSite=Strict`;
}
