/** Action / NotAction prefix checks: `vendor:name`, one colon, a vendor of letters, digits, `-` and `.`. */
import { MalformedPolicyDocumentError } from '../errors.js';
import { asList, type RawObject } from './raw.js';

const BAD_VENDOR = /[^a-zA-Z0-9\-.]/;
const NO_VENDOR = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';

/** Throws IAM's error for the first malformed action, looking at every Action element before any NotAction. */
export function checkActionPrefixes(statements: readonly RawObject[]): void {
  for (const key of ['Action', 'NotAction']) {
    for (const statement of statements) {
      if (key in statement) for (const action of asList(statement[key])) checkAction(action);
    }
  }
}

function checkAction(action: string): void {
  const parts = action.split(':');
  const vendor = parts[0] ?? '';
  if (parts.length === 1 && vendor !== '*') throw new MalformedPolicyDocumentError(NO_VENDOR);
  if (parts.length > 2) throw new MalformedPolicyDocumentError('Actions/Condition can contain only one colon.');
  if (vendor !== '*' && BAD_VENDOR.test(vendor)) {
    throw new MalformedPolicyDocumentError(`Vendor ${vendor} is not valid`);
  }
}
