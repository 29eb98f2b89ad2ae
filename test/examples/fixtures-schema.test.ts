/** schema/fixtures.schema.json: committed, current, and accepting the fixture files the repo ships. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import t from 'tap';
import { SCHEMA_FILE, fixtureSchemaText } from '../../scripts/generate-fixture-schema.js';
import { startEmulator } from '../../src/index.js';

const root = new URL('../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;
const SHIPPED = ['fixtures/default.json', 'examples/fixtures/world.json'];

t.test('the committed schema is what the generator writes from src/fixtures/schema.ts', async (t) => {
  t.equal(
    readFileSync(SCHEMA_FILE, 'utf8'),
    fixtureSchemaText(),
    'schema/fixtures.schema.json is current (else: npx tsx scripts/generate-fixture-schema.ts)',
  );
});

t.test('shipped fixture files validate against it (strict ajv, as an editor would check them)', async (t) => {
  const validate = new Ajv({ strict: true, allErrors: true }).compile(json('schema/fixtures.schema.json') as object);
  for (const file of SHIPPED) {
    const doc = json(file) as { $schema?: string };
    t.ok(validate(doc), `${file} validates`, { errors: validate.errors });
    t.equal(
      new URL(doc.$schema ?? '', new URL(file, root)).href,
      new URL('schema/fixtures.schema.json', root).href,
      `${file} points $schema at it`,
    );
  }
  // It constrains, too: the errors an editor underlines are the ones the loader reports.
  t.notOk(validate({ identities: [{ arn: 'arn:aws:iam::123456789012:user/x', accessKeyId: 'k' }] }), 'missing secret');
  t.notOk(validate({ region: 'mars-1', buckets: [] }), 'bad region');
  t.notOk(validate({ flow: [] }), 'unknown top-level key');
});

t.test('the example world loads into the emulator', async (t) => {
  const emu = await startEmulator({ port: 0, fixtures: [fileURLToPath(new URL('examples/fixtures/world.json', root))] });
  t.teardown(() => emu.close());
  t.equal(emu.state().identities?.[0]?.accessKeyId, 'test');
});
