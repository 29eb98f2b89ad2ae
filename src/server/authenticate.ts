/**
 * Who is calling: the fixture identity that owns the SigV4 access key, verified against its secret. The region
 * comes from the credential scope. In IAM mode `off` any credentials are the default account's root.
 */
import { parseAuthorization, scopeRegion, verifySignature, type SignedRequest } from '../protocol/sigv4.js';
import { unrecognizedClient } from '../protocol/errors.js';
import type { IdentityFixture } from '../fixtures/schema.js';
import { accountOf } from '../fixtures/apply-identities.js';
import type { Universe } from '../world/universe.js';
import type { IamMode } from '../access/caller-authorizer.js';

export interface Authenticated {
  arn: string;
  account: string;
  region: string;
  /** Absent in mode `off`, where nobody is checked. */
  identity?: IdentityFixture;
}

export function authenticate(universe: Universe, mode: IamMode, req: SignedRequest, now: number): Authenticated {
  if (mode === 'off') {
    // Unsigned requests are welcome when IAM is off; a malformed scope region must still not name a world or an ARN.
    const region = scopeRegion(req.headers) ?? universe.defaultRegion;
    return { arn: `arn:aws:iam::${universe.defaultAccount}:root`, account: universe.defaultAccount, region };
  }
  const auth = parseAuthorization(req.headers, now);
  const identity = universe.identities.get(auth.accessKeyId);
  if (!identity) throw unrecognizedClient();
  if (identity.sessionToken !== undefined && req.headers['x-amz-security-token'] !== identity.sessionToken) {
    throw unrecognizedClient();
  }
  verifySignature(req, auth, identity.secretAccessKey);
  return { arn: identity.arn, account: accountOf(identity.arn), region: auth.region, identity };
}
