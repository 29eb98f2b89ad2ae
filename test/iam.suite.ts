/** Policy evaluation and the access helpers built on it in one test process (test/helpers/suite.ts). */
import { testFilesIn } from './helpers/suite.js';

for (const name of testFilesIn('iam')) await import(`./iam/${name}.test.ts`);
for (const name of testFilesIn('access')) await import(`./access/${name}.test.ts`);
