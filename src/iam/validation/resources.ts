/**
 * Resource / NotResource format checks, with IAM's messages. The first malformed entry that IAM reports is the one
 * that sorts lowest (IAM walks each list in reverse order and keeps the last error it saw); when no entry is
 * malformed, the legacy parser still rejects ARNs it cannot split.
 */
import { hasWildcard } from '../wildcard.js';
import { asList, type RawObject } from './raw.js';

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
const REGION_ERRORS: Readonly<Record<string, (resource: string) => string>> = {
  iam: (resource) => `IAM resource ${resource} cannot contain region information.`,
  s3: (resource) => `Resource ${resource} can not contain region information.`,
};
const IAM_PATH_PREFIXES = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
];
const IAM_PATH_ERROR = `IAM resource path must either be "*" or start with ${IAM_PATH_PREFIXES.join(', ')}.`;

export interface ResourceCheck {
  /** The format error IAM reports once actions and resources are known to be present. */
  formatError?: string;
  /** True when the legacy parser rejects a resource (reported before anything but syntax and version). */
  legacyFailure: boolean;
}

export function checkResources(statements: readonly RawObject[]): ResourceCheck {
  let formatError: string | undefined;
  let legacyFailure = false;
  for (const key of ['Resource', 'NotResource']) {
    for (const statement of statements) {
      if (!(key in statement)) continue;
      const resources = asList(statement[key]);
      for (const resource of [...resources].sort().reverse()) {
        formatError = resourceFormatError(resource) ?? formatError;
      }
      if (formatError === undefined && !resources.every(passesLegacyResourceParse)) legacyFailure = true;
    }
  }
  return { legacyFailure, ...(formatError === undefined ? {} : { formatError }) };
}

function resourceFormatError(resource: string): string | undefined {
  if (resource === '*') return undefined;
  const colon = resource.indexOf(':');
  if (colon < 0) return `Resource ${resource} must be in ARN format or "*".`;
  const rest = resource.slice(colon + 1);
  const [partition = '', ...remaining] = rest.split(':');
  if (!PARTITIONS.has(partition) && !hasWildcard(partition)) return partitionError(partition, remaining);
  if (remaining.length === 0) return 'Resource vendor must be fully qualified and cannot contain regexes.';
  const [service = '', region, account] = remaining;
  const regionError = REGION_ERRORS[service];
  // S3 access points, jobs and the like carry a region and an account; buckets and objects carry neither.
  const regionAllowed = service === 's3' && account !== undefined && account !== '';
  if (regionError && region !== '' && !regionAllowed) return regionError(resource);
  const resourcePart = remaining.slice(3).join(':');
  if (service === 'iam' && !isIamResourcePath(resourcePart)) {
    return IAM_PATH_ERROR;
  }
  return undefined;
}

/** The partition error names the resource as IAM rebuilt it, with `*` for missing parts. */
function partitionError(partition: string, remaining: string[]): string {
  const part = (i: number): string => remaining[i] ?? '*';
  const first = remaining.length === 1 && remaining[0] === '' ? '*' : part(0);
  const last = remaining.length > 3 ? remaining.slice(3).join(':') : '*';
  const rebuilt = `arn:${partition}:${first}:${part(1)}:${part(2)}:${last}`;
  return `Partition "${partition}" is not valid for resource "${rebuilt}".`;
}

function isIamResourcePath(path: string): boolean {
  return path === '*' || path === 'root' || IAM_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));
}

function passesLegacyResourceParse(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  return (parts.length >= 6 || !resource.includes('::')) && parts.length > 2 && parts[2] !== '';
}
