/**
 * aws_lambda_function and aws_s3_bucket. Terraform gives a function's code as a package (filename, S3 object or
 * image), never inline, so a function has behaviour here only as a fixture function of the same name; otherwise
 * invoking it fails with an error that says so. A bucket is an empty fake one; a fixture bucket of that name wins.
 */
import { lambdaArn } from '../../../world/arns.js';
import { addEntry, scopeOf } from '../../stack.js';
import { TemplateError } from '../../template-error.js';
import { attributes, sameWorld, type TerraformType } from './shared.js';

export const lambdaFunction: TerraformType = {
  reads: ['function_name', 'timeout', 'region'],
  create(resource, stack) {
    sameWorld(resource, stack);
    const a = attributes(resource);
    const name = a.required('function_name');
    if (stack.universe.lambdaFunctions.has(lambdaArn(scopeOf(stack), name))) {
      stack.log(`${resource.address}: function ${name} is the fixtures' function of that name`);
      return;
    }
    const entry: (typeof stack.fixture.lambdaFunctions)[number] = {
      name,
      error: `Function ${name} (${resource.address} in the Terraform document) has no behaviour in the emulator: Terraform gives no inline code. Declare a fixture Lambda function named ${name}.`,
    };
    const timeout = resource.values.timeout;
    if (timeout !== undefined && timeout !== null) {
      if (!Number.isInteger(timeout) || (timeout as number) < 1 || (timeout as number) > 900) {
        throw new TemplateError(a.at('timeout'), 'must be 1 to 900 seconds');
      }
      entry.timeoutMs = (timeout as number) * 1000;
    }
    addEntry(stack, 'lambdaFunctions', entry, resource.address);
  },
};

export const bucket: TerraformType = {
  reads: ['bucket', 'region'],
  create(resource, stack) {
    sameWorld(resource, stack);
    const name = attributes(resource).required('bucket');
    if (stack.universe.buckets.has(name)) return;
    addEntry(stack, 'buckets', { name }, resource.address);
  },
};
