/**
 * A suite (test/*.suite.ts) runs the test files of a few folders in one test process: each process pays about 0.7 s
 * of CPU before its first assertion (tap's process-info and module hooks, source maps, the SDK and src/ loaded
 * again), more than most of these files cost themselves. docs/testing.md, "Suites", has the numbers.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const TEST_ROOT = join(import.meta.dirname, '..');

/**
 * The test files under test/<folder>/, as the names a suite imports (`executor/plan` for
 * test/flows/executor/plan.test.ts), in a fixed order: a suite imports them one after the other.
 */
export function testFilesIn(folder: string): string[] {
  return readdirSync(join(TEST_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => f.replaceAll('\\', '/').slice(0, -'.test.ts'.length))
    .sort();
}
