/**
 * IAM: the decision log (newest first), filtered by principal and by denial, each denial with why and the statement
 * that would allow it; for the picked principal its least-privilege policy beside its current ones; the identities
 * and roles with their policies.
 */
import { useMemo, useState } from 'preact/hooks';
import { pretty, type Decision, type Principals } from './api.js';
import { LeastPrivilege } from './least-privilege.js';

export function IamPage({ decisions, principals }: { decisions: Decision[]; principals: Principals | undefined }) {
  const [principal, setPrincipal] = useState('');
  const [deniedOnly, setDeniedOnly] = useState(false);
  // The recorded callers and sessions, and the world's roles (a role stands for all its sessions).
  const everyone = useMemo(
    () => [...new Set([...decisions.map((d) => d.principal), ...(principals?.roles.map((r) => r.arn) ?? [])])].sort(),
    [decisions, principals],
  );
  const shown = useMemo(() => {
    const matches = principalMatcher(principal);
    return decisions.filter((d) => matches(d.principal) && (!deniedOnly || d.decision !== 'Allow')).reverse();
  }, [decisions, principal, deniedOnly]);
  return (
    <div>
      <section>
        <h2>Decisions</h2>
        <div class="row">
          <label>
            Principal{' '}
            <select value={principal} onChange={(e) => setPrincipal((e.target as HTMLSelectElement).value)} data-principal-filter>
              <option value="">everyone</option>
              {everyone.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={deniedOnly}
              onChange={(e) => setDeniedOnly((e.target as HTMLInputElement).checked)}
              data-denied-filter
            />{' '}
            denied only
          </label>
          <span class="muted small">
            {shown.length} of {decisions.length}
          </span>
        </div>
        <table class="decisions" data-decisions>
          <thead>
            <tr>
              <th>Time</th>
              <th>Caller</th>
              <th>Action</th>
              <th>Resource</th>
              <th>Decision</th>
              <th>Deciding statement</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, 500).map((d, i) => (
              <tr key={i} class={d.decision === 'Allow' ? '' : 'denied'} data-decision={d.decision}>
                <td class="small">{d.time}</td>
                <td class="small">{d.principal}</td>
                <td>
                  <code>{d.action}</code>
                </td>
                <td class="small">{d.resource}</td>
                <td>
                  {d.decision}
                  {d.enforced ? '' : ' (audit)'}
                </td>
                <td title={pretty(d.explanation)}>
                  <span data-statement>{statementText(d.explanation)}</span>
                  {d.explanation.deniedBy !== undefined ? <div class="muted small">denied by {pretty(d.explanation.deniedBy)}</div> : null}
                  <Why explanation={d.explanation} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {principal ? <LeastPrivilege key={principal} principal={principal} principals={principals} /> : null}
      <section>
        <h2>Identities</h2>
        {principals?.identities.map((i) => (
          <Policies key={i.arn} title={`${i.arn} (${i.accessKeyId})`} value={i} />
        ))}
        <h2>Roles</h2>
        {principals?.roles.map((r) => (
          <Policies key={r.arn} title={r.arn} value={r} />
        ))}
      </section>
    </div>
  );
}

/** Who a picked principal stands for: everyone, the ARN itself, or for a role ARN also its sessions (src/access/least-privilege.ts). */
function principalMatcher(arn: string): (principal: string) => boolean {
  if (!arn) return () => true;
  const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!role) return (principal) => principal === arn;
  const sessions = `arn:${role[1]}:sts::${role[2]}:assumed-role/${role[3]}/`;
  return (principal) => principal === arn || principal.startsWith(sessions);
}

/** The deciding statement in words (`identity policy policies[0], statement NoInvoke`); the whole explanation is the cell's tooltip. */
function statementText(explanation: Record<string, unknown>): string {
  const s = explanation.statement as { policyType?: string; policyName?: string; statement?: string | number } | undefined;
  if (s && typeof s === 'object')
    return `${s.policyType ?? ''} policy ${s.policyName ?? ''}, statement ${s.statement ?? '(no Sid)'}`.trim();
  if (typeof explanation.note === 'string') return explanation.note;
  return 'no statement allows it (implicit deny)';
}

/** A denial's `why` sentence and `fix` statement (src/access/decision-log.ts, src/iam/explain.ts). */
function Why({ explanation }: { explanation: Record<string, unknown> }) {
  const why = explanation.why as { message?: unknown } | undefined;
  const fix = explanation.fix;
  if (!why && fix === undefined) return null;
  return (
    <div class="why">
      {typeof why?.message === 'string' ? <p data-why>{why.message}</p> : null}
      {fix !== undefined ? (
        <details data-fix>
          <summary>the statement that would allow it</summary>
          <pre class="json small">{pretty(fix)}</pre>
        </details>
      ) : null}
    </div>
  );
}

function Policies({ title, value }: { title: string; value: object }) {
  return (
    <details class="principal">
      <summary>{title}</summary>
      <pre class="json small">{pretty(value)}</pre>
    </details>
  );
}
