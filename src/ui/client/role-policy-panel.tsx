/**
 * The flow page's "Role policy": the identity and trust policies the flow's execution role needs for the shown
 * definition (GET /_emulator/iam/flow-role-policy), each with a copy button, and a note listing what the flow's
 * actual role lacks of them (GET /_emulator/ui/api/role-gaps).
 */
import { useEffect, useState } from 'preact/hooks';
import { getJson, pretty, query, type Flow, type RoleGaps, type RolePolicies } from './api.js';
import { CopyButton } from './copy-button.js';

export function RolePolicyPanel({ flow, version }: { flow: Flow; version: string }) {
  const [policies, setPolicies] = useState<RolePolicies | undefined>();
  const [gaps, setGaps] = useState<RoleGaps | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setPolicies(undefined);
    setGaps(undefined);
    setError(undefined);
    const q = query({ flow: flow.id, version, account: flow.account, region: flow.region });
    const fail = (err: Error) => live && setError(err.message);
    getJson<RolePolicies>(`/_emulator/iam/flow-role-policy?${q}`).then((p) => live && setPolicies(p), fail);
    getJson<RoleGaps>(`/_emulator/ui/api/role-gaps?${q}`).then((g) => live && setGaps(g), fail);
    return () => {
      live = false;
    };
  }, [flow, version]);
  return (
    <section class="role-policy" data-role-policy>
      <h3>Role policy</h3>
      <p class="muted small">
        What the execution role needs to run {version === 'DRAFT' ? 'the draft' : `version ${version}`}: every node's calls on their exact
        resources, and a trust policy letting Amazon Bedrock assume the role for this flow only.
      </p>
      {error ? <p class="error">{error}</p> : null}
      {gaps ? <GapsNote gaps={gaps} /> : null}
      {policies ? (
        <div class="policies">
          <PolicyBlock title="Identity policy" value={policies.policy} name="policy" />
          <PolicyBlock title="Trust policy" value={policies.trustPolicy} name="trust" />
        </div>
      ) : null}
    </section>
  );
}

function PolicyBlock({ title, value, name }: { title: string; value: unknown; name: string }) {
  const text = pretty(value);
  return (
    <div class="policy" data-policy={name}>
      <div class="row">
        <b>{title}</b>
        <CopyButton text={text} />
      </div>
      <pre class="json small">{text}</pre>
    </div>
  );
}

function GapsNote({ gaps }: { gaps: RoleGaps }) {
  const problems = [gaps.roleMissing, gaps.trust].filter((p): p is string => p !== undefined);
  if (problems.length === 0 && gaps.missing.length === 0)
    return (
      <p class="ok small" data-role-gaps="none">
        ✔ The flow's role <code>{gaps.roleArn}</code> allows all of it.
      </p>
    );
  return (
    <div class="warning" data-role-gaps={gaps.missing.length}>
      <p>
        ⚠ The flow's role <code>{gaps.roleArn}</code>{' '}
        {gaps.missing.length > 0 ? `lacks ${gaps.missing.length} of these permissions:` : 'has a problem:'}
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
        {gaps.missing.map((m) => (
          <li key={`${m.action} ${m.resource}`} data-gap={m.action}>
            <code>{m.action}</code> on <code>{m.resource}</code>
            <div class="muted small">{m.why}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
