/** The server, its protocol, the operations, the generated tables and the architecture rules in one test process (test/helpers/suite.ts). */
import { testFilesIn } from './helpers/suite.js';

for (const name of testFilesIn('server')) await import(`./server/${name}.test.ts`);
for (const name of testFilesIn('protocol')) await import(`./protocol/${name}.test.ts`);
for (const name of testFilesIn('operations')) await import(`./operations/${name}.test.ts`);
for (const name of testFilesIn('generated')) await import(`./generated/${name}.test.ts`);
for (const name of testFilesIn('architecture')) await import(`./architecture/${name}.test.ts`);
