/**
 * Policy decisions per second for an allowed GetFlow against one identity policy of N realistic statements
 * (action lists with wildcards, ARN patterns, a tag condition, every tenth a Deny), where only the last statement
 * grants the request. Run: node --import tsx bench/iam-decisions.ts
 */
import { pathToFileURL } from 'node:url';
import { authorize, loadPolicy, principalContextKeys, type Principal } from '../src/iam/index.js';

const ACCOUNT = '123456789012';
const FLOW_ARN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:flow/TARGETFLOW`;

function policyDocument(statements: number): unknown {
  const Statement = Array.from({ length: statements }, (_, i) => {
    const last = i === statements - 1;
    return {
      Sid: `S${i}`,
      Effect: i % 10 === 9 && !last ? 'Deny' : 'Allow',
      Action: ['bedrock:GetFlow', 'bedrock:ListFlowVersions', 'bedrock:UpdateFlow', 'bedrock:Get*Alias', 'bedrock:InvokeFlow'],
      Resource: last
        ? `arn:aws:bedrock:*:${ACCOUNT}:flow/*`
        : [`arn:aws:bedrock:*:${ACCOUNT}:flow/F${i}*`, `arn:aws:bedrock:us-west-2:${ACCOUNT}:flow/*`],
      Condition: { StringEquals: { 'aws:ResourceTag/team': last ? 'ml' : `team-${i}` } },
    };
  });
  return { Version: '2012-10-17', Statement };
}

/** Runs allowed decisions for `durationMs` and returns decisions per second. */
export async function measureDecisions(statements: number, durationMs: number): Promise<number> {
  const { policy } = loadPolicy(policyDocument(statements), `bench-${statements}`);
  const principal: Principal = {
    kind: 'user',
    arn: `arn:aws:iam::${ACCOUNT}:user/dev`,
    accountId: ACCOUNT,
    userId: 'AIDAEXAMPLEDEV',
    username: 'dev',
    tags: { team: 'ml', project: 'flows' },
    identityPolicies: [policy],
  };
  const context = {
    ...principalContextKeys(principal),
    'aws:ResourceTag/team': 'ml',
    'aws:SourceIp': '127.0.0.1',
    'aws:SecureTransport': 'false',
    'aws:RequestedRegion': 'us-east-1',
    'aws:CurrentTime': new Date().toISOString(),
  };
  const request = { principal, action: 'bedrock:GetFlow', resource: FLOW_ARN, context };
  if (authorize(request).decision !== 'Allow') throw new Error('benchmark request is not allowed');
  await new Promise((resolve) => setImmediate(resolve));
  let decisions = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < 1000; i++) authorize(request);
    decisions += 1000;
    elapsed = performance.now() - start;
  }
  return Math.round((decisions * 1000) / elapsed);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const statements of [10, 200]) {
    const perSecond = await measureDecisions(statements, 2000);
    console.log(`IAM decisions, ${statements} statements: ${perSecond.toLocaleString('en-US')}/s`);
  }
}
