/**
 * For the principal picked on the IAM page: the policy allowing exactly what it was recorded doing
 * (GET /_emulator/iam/least-privilege) beside the policies it has now. A role session (`assumed-role/NAME/…`) shows
 * its role's policies: those are what it acts with.
 */
import { useEffect, useState } from 'preact/hooks';
import { getJson, pretty, query, type Principals } from './api.js';
import { CopyButton } from './copy-button.js';

export function LeastPrivilege({ principal, principals }: { principal: string; principals: Principals | undefined }) {
  const [policy, setPolicy] = useState<unknown>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    getJson<{ policy: unknown }>(`/_emulator/iam/least-privilege?${query({ principal })}`).then(
      (b) => live && setPolicy(b.policy),
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [principal]);
  const current = currentPolicies(principal, principals);
  const generated = policy === undefined ? '' : pretty(policy);
  return (
    <section data-least-privilege>
      <h2>Least privilege</h2>
      <p class="muted small">
        {principal}: the policy allowing exactly what it was recorded doing (allowed and denied alike), beside what it has now.
      </p>
      {error ? <p class="error">{error}</p> : null}
      <div class="least-privilege">
        <div data-generated-policy>
          <div class="row">
            <b>Generated</b>
            {policy !== undefined ? <CopyButton text={generated} /> : null}
          </div>
          <pre class="json small">{policy === undefined ? 'Loading…' : generated}</pre>
        </div>
        <div data-current-policies>
          <div class="row">
            <b>Current</b>
            <span class="muted small">{current ? current.source : ''}</span>
          </div>
          <pre class="json small">
            {current ? pretty(current.value) : 'Not an identity or role of the world (a service principal, or one removed since).'}
          </pre>
        </div>
      </div>
    </section>
  );
}

function currentPolicies(arn: string, principals: Principals | undefined): { source: string; value: unknown } | undefined {
  if (!principals) return undefined;
  const identity = principals.identities.find((i) => i.arn === arn);
  if (identity) return { source: 'identity', value: withoutArn(identity) };
  const session = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  const role = session
    ? principals.roles.find((r) => r.arn.split(':')[4] === session[1] && r.arn.endsWith(`/${session[2]}`))
    : principals.roles.find((r) => r.arn === arn);
  if (role) return { source: session ? `its role ${role.arn}` : 'role', value: withoutArn(role) };
  return undefined;
}

const withoutArn = ({ arn: _arn, ...rest }: { arn: string }) => rest;
