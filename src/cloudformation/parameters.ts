/**
 * Template parameters (given values, else Default; AllowedValues, AllowedPattern and list types as CloudFormation
 * checks them: docs parameters-section-structure.html) and the pseudo parameters (pseudo-parameter-reference.html).
 */
import { RE2JS } from 're2js';
import { isObject, TemplateError } from './template-error.js';
import { NO_VALUE } from './intrinsics.js';

export function parameterValues(declared: unknown, given: Record<string, string>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  if (declared === undefined) return values;
  if (!isObject(declared)) throw new TemplateError('Parameters', 'must be a map of parameter declarations');
  for (const [name, declaration] of Object.entries(declared)) {
    const path = `Parameters.${name}`;
    if (!isObject(declaration) || typeof declaration.Type !== 'string') throw new TemplateError(path, 'a parameter needs a Type');
    const raw = Object.hasOwn(given, name) ? given[name] : declaration.Default;
    if (raw === undefined)
      throw new TemplateError(path, `no value: give one with --parameter ${name}=VALUE (or the library's parameters), or a Default`);
    const value = String(raw);
    const allowed = declaration.AllowedValues;
    if (Array.isArray(allowed) && !allowed.map(String).includes(value)) {
      throw new TemplateError(path, `${JSON.stringify(value)} is not one of its AllowedValues (${allowed.join(', ')})`);
    }
    if (typeof declaration.AllowedPattern === 'string' && !matchesWhole(declaration.AllowedPattern, value, `${path}.AllowedPattern`)) {
      throw new TemplateError(path, `${JSON.stringify(value)} does not match its AllowedPattern`);
    }
    if (declaration.Type === 'Number' && (value.trim() === '' || Number.isNaN(Number(value)))) {
      throw new TemplateError(path, `${JSON.stringify(value)} is not a Number`);
    }
    const isList = declaration.Type === 'CommaDelimitedList' || declaration.Type.startsWith('List<');
    values.set(name, isList ? value.split(',').map((s) => s.trim()) : value);
  }
  return values;
}

/**
 * AllowedPattern must match the whole value. Run by RE2 (linear time), not RegExp: a template may arrive over
 * HTTP, and a backtracking pattern would hold the process (the same reason as src/fakes/rule-regex.ts).
 */
function matchesWhole(pattern: string, value: string, path: string): boolean {
  try {
    return RE2JS.compile(`^(?:${pattern})$`).matches(value);
  } catch (err) {
    throw new TemplateError(path, `invalid regular expression (RE2 syntax): ${(err as Error).message}`);
  }
}

export interface PseudoScope {
  account: string;
  region: string;
  partition: string;
  stackName: string;
  stackId: string;
}

export const partitionOf = (region: string) => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');

export function pseudoParameter(name: string, s: PseudoScope): unknown {
  switch (name) {
    case 'AWS::AccountId':
      return s.account;
    case 'AWS::Region':
      return s.region;
    case 'AWS::Partition':
      return s.partition;
    case 'AWS::StackName':
      return s.stackName;
    case 'AWS::StackId':
      return s.stackId;
    case 'AWS::URLSuffix':
      return s.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    case 'AWS::NotificationARNs':
      return [];
    case 'AWS::NoValue':
      return NO_VALUE;
    default:
      return undefined;
  }
}
