/**
 * Writes schema/fixtures.schema.json, the JSON Schema editors use for fixture files (their `"$schema"` points at
 * it), from the typebox FixtureDocument that also validates fixtures at load time, so the two cannot disagree.
 * test/examples/fixtures-schema.test.ts fails when the committed file is stale. Regenerate with:
 *   npx tsx scripts/generate-fixture-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FixtureDocument } from '../src/fixtures/schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/fixtures.schema.json', import.meta.url));

/** The file's exact text. typebox schemas are plain JSON Schema objects; JSON.stringify drops their symbol keys. */
export function fixtureSchemaText(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'bedrock-flows-emulator fixtures',
    description:
      'The fake world of bedrock-flows-emulator: identities, roles and the resources flows reference. Every top-level key is optional. Generated from src/fixtures/schema.ts.',
    ...FixtureDocument,
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, fixtureSchemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
