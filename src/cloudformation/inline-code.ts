/**
 * A Lambda function's inline `Code.ZipFile` (Node.js runtimes) as a handler module the fake Lambda imports
 * (src/fakes/lambda.ts). CloudFormation puts ZipFile code in `index` and the runtime calls the export the
 * `Handler` property names (docs: aws-properties-lambda-function-code.html); the module written here re-exports
 * that function as `handler`. Files are named by a hash of their content, so reloading a template (reset) writes
 * nothing new and Node's module cache keeps the module it has.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIRECTORY = join(tmpdir(), 'bedrock-flows-emulator-cloudformation');

/** Top-level `import`/`export` statements make the code an ES module; otherwise it is CommonJS, as in Lambda. */
const isEsModule = (code: string) => /^\s*(export\s|import\s[\w{*])/m.test(code);

/** Writes the code and its wrapper (once) and returns the wrapper's path, which exports `handler`. */
export function inlineHandlerModule(code: string, handler: string): string {
  const exportName = handler.slice(handler.lastIndexOf('.') + 1) || 'handler';
  const hash = createHash('sha256').update(code).update('\0').update(exportName).digest('hex').slice(0, 20);
  const dir = join(DIRECTORY, hash);
  const wrapper = join(dir, 'handler.mjs');
  if (existsSync(wrapper)) return wrapper;
  mkdirSync(dir, { recursive: true });
  const file = isEsModule(code) ? 'index.mjs' : 'index.cjs';
  writeFileSync(join(dir, file), code);
  const name = JSON.stringify(exportName);
  writeFileSync(
    wrapper,
    // Missing, the export fails the import, so the load names the Handler rather than the wrapper's own export.
    `import * as code from './${file}';\nconst fn = code[${name}] ?? code.default?.[${name}];\n` +
      `if (typeof fn !== 'function') throw new Error(${JSON.stringify(`the inline code exports no function named ${exportName} (Handler ${handler})`)});\n` +
      'export const handler = fn;\n',
  );
  return wrapper;
}
