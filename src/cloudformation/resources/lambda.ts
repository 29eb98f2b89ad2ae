/**
 * AWS::Lambda::Function (docs: aws-resource-lambda-function.html) as a fixture Lambda function. Its behaviour: a
 * fixture function of the same name wins (it is already in the world); else inline ZipFile code of a Node.js
 * runtime runs as its handler; else invoking it fails with an error that names it.
 */
import { lambdaArn } from '../../world/arns.js';
import { inlineHandlerModule } from '../inline-code.js';
import { addEntry, type Created, physicalName, properties, scopeOf, type Stack } from '../stack.js';
import { isObject, TemplateError } from '../template-error.js';
import { ALLOW_CODE_FLAG } from '../../fixtures/untrusted-fixture.js';

export function lambdaFunction(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const name = p.string('FunctionName') ?? physicalName(stack, logicalId, 64);
  const arn = lambdaArn(scopeOf(stack), name);
  const created = { ref: name, attributes: { Arn: arn } };
  if (stack.universe.lambdaFunctions.has(arn)) {
    stack.log(`${path}: function ${name} is the fixtures' function of that name`);
    return created;
  }
  const entry: (typeof stack.fixture.lambdaFunctions)[number] = { name };
  const timeout = props.Timeout;
  if (timeout !== undefined) {
    const seconds = Number(timeout);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 900) throw new TemplateError(p.at('Timeout'), 'must be 1 to 900 seconds');
    entry.timeoutMs = seconds * 1000;
  }
  const code = isObject(props.Code) ? props.Code : {};
  const runtime = p.string('Runtime') ?? '';
  if (typeof code.ZipFile === 'string' && runtime.startsWith('nodejs')) {
    if (!stack.trusted) {
      throw new TemplateError(
        `${p.at('Code')}.ZipFile`,
        `refused in a template posted over HTTP: inline Lambda code would run on the server. Name the template with --cloudformation, or start the server with ${ALLOW_CODE_FLAG}`,
      );
    }
    entry.handler = inlineHandlerModule(code.ZipFile, p.string('Handler') ?? 'index.handler');
  } else {
    const why =
      typeof code.ZipFile === 'string' ? `its inline code is for ${runtime || 'no runtime'}, not Node.js` : 'it has no inline ZipFile code';
    entry.error = `Function ${name} (${logicalId} in the CloudFormation template) has no behaviour in the emulator: ${why}. Declare a fixture Lambda function named ${name}.`;
  }
  addEntry(stack, 'lambdaFunctions', entry, path);
  return created;
}
