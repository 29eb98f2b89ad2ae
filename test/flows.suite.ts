/** Flow definitions, execution, the fakes the nodes call and the worked examples in one test process (test/helpers/suite.ts). */
import { testFilesIn } from './helpers/suite.js';

for (const name of testFilesIn('flows')) await import(`./flows/${name}.test.ts`);
for (const name of testFilesIn('fakes')) await import(`./fakes/${name}.test.ts`);
for (const name of testFilesIn('examples')) await import(`./examples/${name}.test.ts`);
