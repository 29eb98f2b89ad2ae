/** maxResults/nextToken for every List operation. Tokens are opaque to clients: an offset, base64url-wrapped. */
import { validationException } from './errors.js';

/** The models cap every summaries list at 10 items; that is the page size when maxResults is absent. */
const DEFAULT_PAGE = 10;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(all: readonly T[], maxResults?: number, nextToken?: string): Page<T> {
  let start = 0;
  if (nextToken !== undefined) {
    const decoded = Number.parseInt(Buffer.from(nextToken, 'base64url').toString('utf8').replace(/^o:/, ''), 10);
    if (!Buffer.from(nextToken, 'base64url').toString('utf8').startsWith('o:') || !(decoded >= 0)) {
      throw validationException('Invalid pagination token.');
    }
    start = decoded;
  }
  const size = maxResults ?? DEFAULT_PAGE;
  const items = all.slice(start, start + size);
  const next = start + size;
  return next < all.length ? { items, nextToken: Buffer.from(`o:${next}`).toString('base64url') } : { items };
}
