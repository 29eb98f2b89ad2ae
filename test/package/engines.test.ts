/**
 * `npm ci` installs without EBADENGINE warnings: every locked package (dev ones too: CI and contributors install
 * them) accepts the oldest Node the engines field names, and the current LTS lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import t from 'tap';

const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};

t.test('every locked package runs on the Node versions we support', async (t) => {
  const oldest = semver.minVersion(pkg.engines.node)!.version;
  t.equal(oldest, '20.19.0');
  for (const version of [oldest, '22.12.0', '24.0.0']) {
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && entry.engines?.node)
      .filter(([, entry]) => !semver.satisfies(version, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path} (${(entry.engines as { node: string }).node})`);
    t.same(refusing, [], `Node ${version}`);
  }
});
