/** Flows: every flow of every account and region, and the one picked drawn with its validations, its JSON and its role policy. */
import { useMemo, useState } from 'preact/hooks';
import { validationTargets } from '../graph-model.js';
import { definitionFor, flowKey, pretty, type Flow } from './api.js';
import { FlowGraph, type Marks } from './graph.js';
import { RolePolicyPanel } from './role-policy-panel.js';

export function FlowsPage({ flows, selected }: { flows: Flow[]; selected: string | undefined }) {
  const flow = flows.find((f) => flowKey(f) === selected) ?? flows[0];
  return (
    <div class="split">
      <aside class="list">
        <table data-flow-list>
          <thead>
            <tr>
              <th>Flow</th>
              <th>Status</th>
              <th title="versions · aliases">Ver · Al</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={flowKey(f)} class={f === flow ? 'current' : ''}>
                <td>
                  <a href={`#/flows/${flowKey(f)}`}>{f.name}</a>
                  <div class="muted small">
                    {f.id} · {f.account} · {f.region}
                  </div>
                </td>
                <td>
                  <span class={`status ${f.status}`}>{f.status}</span>
                </td>
                <td title={`${f.versions.length} versions, ${f.aliases.length} aliases`}>
                  {f.versions.length} · {f.aliases.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {flows.length === 0 ? <p class="muted">No flows yet: create one with CreateFlow or a fixture.</p> : null}
      </aside>
      {flow ? <FlowDetail key={flowKey(flow)} flow={flow} /> : null}
    </div>
  );
}

function FlowDetail({ flow }: { flow: Flow }) {
  const [version, setVersion] = useState('DRAFT');
  const definition = definitionFor(flow, version);
  // Validations describe the draft (PrepareFlow's), so they mark the draft only.
  const marks = useMemo<Marks>(() => {
    if (version !== 'DRAFT') return {};
    const invalidNodes = new Map<string, string[]>();
    const invalidConnections = new Map<string, string[]>();
    for (const v of flow.validations) {
      const { nodes, connections } = validationTargets(v);
      for (const n of nodes) invalidNodes.set(n, [...(invalidNodes.get(n) ?? []), v.message]);
      for (const c of connections) invalidConnections.set(c, [...(invalidConnections.get(c) ?? []), v.message]);
    }
    return { invalidNodes, invalidConnections };
  }, [flow, version]);
  return (
    <section class="detail" data-flow={flow.id}>
      <h2>
        {flow.name} <span class={`status ${flow.status}`}>{flow.status}</span>
      </h2>
      <p class="muted small">{flow.arn}</p>
      <div class="row">
        <label>
          Definition{' '}
          <select value={version} onChange={(e) => setVersion((e.target as HTMLSelectElement).value)} data-version-select>
            <option value="DRAFT">DRAFT</option>
            {flow.versions.map((v) => (
              <option key={v.version} value={v.version}>
                version {v.version} ({v.status})
              </option>
            ))}
          </select>
        </label>
        <span class="muted small">
          Aliases: {flow.aliases.length === 0 ? 'none' : flow.aliases.map((a) => `${a.name} (${a.id}) → ${a.flowVersion}`).join(', ')}
        </span>
      </div>
      {flow.validations.length > 0 ? (
        <ul class="validations" data-validations>
          {flow.validations.map((v, i) => (
            <li key={i} class={v.severity}>
              <b>{v.severity}</b> {v.type ? <code>{v.type}</code> : null} {v.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="beside">
        <div>
          <div class="canvas">
            <FlowGraph definition={definition} marks={marks} />
          </div>
          {/* Under the graph, not under the long JSON, so it shows without scrolling. */}
          <RolePolicyPanel flow={flow} version={version} />
        </div>
        <pre class="json" data-definition>
          {pretty(definition ?? {})}
        </pre>
      </div>
    </section>
  );
}
