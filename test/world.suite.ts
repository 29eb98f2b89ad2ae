/** Fixtures, templates, faults and run records in one test process (test/helpers/suite.ts). */
import { testFilesIn } from './helpers/suite.js';

for (const name of testFilesIn('fixtures')) await import(`./fixtures/${name}.test.ts`);
for (const name of testFilesIn('cloudformation')) await import(`./cloudformation/${name}.test.ts`);
for (const name of testFilesIn('terraform')) await import(`./terraform/${name}.test.ts`);
for (const name of testFilesIn('faults')) await import(`./faults/${name}.test.ts`);
for (const name of testFilesIn('runs')) await import(`./runs/${name}.test.ts`);
