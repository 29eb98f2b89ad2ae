/**
 * Time comes from one place (src/world/clock.ts, ARCHITECTURE.md "Rules"): no other file of src/ or routes/ reads
 * the system clock, so an injected or seeded clock reaches every record, event, log entry and timeout.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { sourceFiles } from '../../scripts/check-layers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READS_THE_SYSTEM_CLOCK = /\bDate\.now\(|\bnew Date\(\)|\bperformance\.now\(|\bprocess\.hrtime\b/;

t.test('only src/world/clock.ts reads the system clock', async (t) => {
  const readers = sourceFiles(ROOT, ['src', 'routes'])
    .filter((file) => file !== 'src/world/clock.ts')
    .filter((file) =>
      readFileSync(`${ROOT}/${file}`, 'utf8')
        .split('\n')
        .some((line) => READS_THE_SYSTEM_CLOCK.test(line)),
    );
  t.same(readers, []);
});
