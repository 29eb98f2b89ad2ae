/**
 * The lookups' own identifier check (docs/behaviour.md#identifiers): what cannot be an id or ARN is a 400 before any
 * lookup. Through the API the models' patterns answer first for flows, so the flow wording is pinned here.
 */
import t from 'tap';
import type { OperationContext } from '../../src/operations/context.js';
import { checkAliasIdentifier, findFlow } from '../../src/operations/flows/flow-lookup.js';

// The check runs before the context is read: an empty one shows that nothing is looked up.
const NO_CONTEXT = {} as OperationContext;

t.test('a flow identifier that is not 10 letters and digits, nor an ARN', async (t) => {
  for (const identifier of ['FLOW1', 'FLOW0000012', 'FLOW-00001', '']) {
    t.throws(() => findFlow(NO_CONTEXT, identifier), {
      type: 'ValidationException',
      statusCode: 400,
      message: 'The FlowIdentifier is invalid. Please use a valid Flow Arn or Id.',
    });
  }
});

t.test('an alias identifier that is not TSTALIASID, 10 letters and digits, nor an ARN', async (t) => {
  for (const identifier of ['BOTALIAS1', 'TSTALIASID1', 'alias-0001']) {
    t.throws(() => checkAliasIdentifier(identifier), {
      type: 'ValidationException',
      message: 'The FlowAliasIdentifier is invalid. Please use a valid Flow Alias Arn or Id.',
    });
  }
  for (const identifier of ['TSTALIASID', 'ALIAS00001', 'alias00001', 'arn:aws:bedrock:us-east-1:123456789012:flow/F/alias/A']) {
    t.doesNotThrow(() => checkAliasIdentifier(identifier), identifier);
  }
});
