/**
 * Headless Chromium for the workbench tests: Debian's `chromium` (.ci/run installs it), driven by playwright-core
 * pointed at that executable, so nothing downloads a browser. CHROMIUM_PATH names another executable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildWorkbench } from '../../scripts/bundle-ui.mjs';

export const ROOT = join(import.meta.dirname, '../..');

/** The Chromium executable, or undefined when this machine has none. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

export const SKIP_REASON =
  'no Chromium executable (apt-get install -y chromium, or set CHROMIUM_PATH): the workbench browser tests are skipped';

/** Builds the workbench from src/ into dist/ui (where the server reads it), so the tests never run stale files. */
export const buildAssets = () => buildWorkbench();

export async function launch(executablePath: string): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}
