/**
 * Every AWS error leaving the server is built in src/protocol/errors.ts and rendered by its renderError: no other
 * file constructs an AwsError or sets the x-amzn-errortype header (reading it, as the request log does, is fine).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import t from 'tap';
import { AwsError, renderError } from '../../src/protocol/errors.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const OWNER = 'src/protocol/errors.ts';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sources('src'), ...sources('routes')].filter((f) => relative('.', f) !== OWNER);

/** `file:line: text` for each line of src/ and routes/ (outside errors.ts) that matches. */
function offending(match: (line: string) => boolean): string[] {
  return files.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (match(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

t.test('no AwsError is constructed outside src/protocol/errors.ts', async (t) => {
  t.same(
    offending((line) => line.includes('new AwsError(')),
    [],
  );
});

t.test('no file but src/protocol/errors.ts names the x-amzn-errortype header, except to read it', async (t) => {
  t.same(
    offending((line) => /x-amzn-errortype/i.test(line) && !/getHeader\(\s*'x-amzn-errortype'\s*\)/i.test(line)),
    [],
  );
});

t.test('renderError gives the restJson1 wire form', async (t) => {
  const rendered = renderError(new AwsError('ResourceNotFoundException', 404, 'gone', { resourceName: 'x' }));
  t.same(rendered, {
    status: 404,
    headers: { 'x-amzn-errortype': 'ResourceNotFoundException', 'content-type': 'application/json' },
    body: '{"message":"gone","resourceName":"x"}',
  });
});
