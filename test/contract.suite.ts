/** The SDK contract tests, test/contract/, in one test process (test/helpers/suite.ts). */
import { testFilesIn } from './helpers/suite.js';

for (const name of testFilesIn('contract')) await import(`./contract/${name}.test.ts`);
