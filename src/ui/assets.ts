/**
 * The workbench's built files (scripts/bundle-ui.mjs writes them to dist/ui at `npm run build`), read once into
 * memory: a handful of files, served with no disk access and no path from the request ever reaching the file system.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export const WORKBENCH_ASSETS_DIR = join(PACKAGE_ROOT, 'dist', 'ui');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Asset {
  type: string;
  body: Buffer;
  /** A strong validator: a reload revalidates (304) instead of fetching ELK's 1.6 MB worker again. */
  etag: string;
}

/** The files by name (`index.html`, `app.js`, …); empty when the workbench was not built. */
export function loadAssets(dir: string = WORKBENCH_ASSETS_DIR): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(dir)) return assets;
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(dir, name));
    assets.set(name, { type, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
  }
  return assets;
}
