/**
 * Runs: the run records (GET /_emulator/runs, live from /_emulator/runs/events), one row per execution; an execution
 * opened on its flow's graph with its path, its failed node and each node's record a click away. The turns of a
 * multi-turn exchange share their executionId and show as one conversation.
 */
import { useMemo, useState } from 'preact/hooks';
import { errorText, graphOf, runPath, type RunRecord } from '../graph-model.js';
import { definitionFor, pretty, type Flow } from './api.js';
import { FlowGraph } from './graph.js';

export interface Execution {
  executionId: string;
  /** Oldest turn first. */
  turns: RunRecord[];
}

/** Records (newest first) grouped by executionId, newest execution first. */
export function executionsOf(runs: RunRecord[]): Execution[] {
  const byId = new Map<string, Execution>();
  for (const run of runs) {
    let e = byId.get(run.executionId);
    if (!e) byId.set(run.executionId, (e = { executionId: run.executionId, turns: [] }));
    e.turns.unshift(run);
  }
  return [...byId.values()];
}

const outcomeClass = (outcome: string | undefined) =>
  outcome === undefined ? 'running' : outcome === 'SUCCESS' ? 'ok' : outcome === 'INPUT_REQUIRED' ? 'waiting' : 'bad';

export function RunsPage({
  runs,
  flows,
  selected,
  unavailable,
}: {
  runs: RunRecord[];
  flows: Flow[];
  selected: string | undefined;
  unavailable: string | undefined;
}) {
  const executions = useMemo(() => executionsOf(runs), [runs]);
  const names = useMemo(() => new Map(flows.map((f) => [f.id, f.name])), [flows]);
  const [shown, setShown] = useState(200);
  const execution = executions.find((e) => e.executionId === selected);
  if (unavailable) return <p class="muted">{unavailable}</p>;
  return (
    <div class="split">
      <aside class="list">
        <table data-run-list>
          <thead>
            <tr>
              <th>Run</th>
              <th>Outcome</th>
              <th>ms</th>
            </tr>
          </thead>
          <tbody>
            {executions.slice(0, shown).map((e) => {
              const last = e.turns[e.turns.length - 1]!;
              return (
                <tr key={e.executionId} class={e === execution ? 'current' : ''} data-run={e.executionId}>
                  <td>
                    <a href={`#/runs/${e.executionId}`}>{names.get(last.flowId) ?? last.flowId}</a>
                    {e.turns.length > 1 ? <span class="muted small"> · {e.turns.length} turns</span> : null}
                    <div class="muted small">
                      {(last.startedAt ?? '').replace('T', ' ').slice(0, 19)} · {last.flowAliasId ?? ''} · {last.flowVersion ?? ''}
                    </div>
                  </td>
                  <td>
                    <span class={`outcome ${outcomeClass(last.outcome)}`} title={last.outcome}>
                      {last.outcome ?? 'running'}
                    </span>
                  </td>
                  <td>{last.durationMs ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {executions.length > shown ? (
          <button type="button" onClick={() => setShown(shown + 200)}>
            Show more ({executions.length - shown} older)
          </button>
        ) : null}
        {executions.length === 0 ? <p class="muted">No runs yet: invoke a flow (Try it) and it appears here.</p> : null}
      </aside>
      {execution ? (
        <ExecutionDetail key={execution.executionId} execution={execution} flows={flows} />
      ) : (
        <p class="muted detail">Pick a run.</p>
      )}
    </div>
  );
}

function ExecutionDetail({ execution, flows }: { execution: Execution; flows: Flow[] }) {
  const [turnIndex, setTurnIndex] = useState(execution.turns.length - 1);
  const [node, setNode] = useState<string | undefined>();
  const run = execution.turns[Math.min(turnIndex, execution.turns.length - 1)]!;
  const flow = flows.find((f) => f.id === run.flowId);
  const definition = flow ? definitionFor(flow, run.flowVersion) : undefined;
  const path = useMemo(() => runPath(graphOf(definition), run), [definition, run]);
  const records = (run.nodes ?? []).filter((n) => n.nodeName === node);
  return (
    <section class="detail" data-execution={execution.executionId}>
      <h2>
        {flow?.name ?? run.flowId} <span class={`outcome ${outcomeClass(run.outcome)}`}>{run.outcome ?? 'running'}</span>
      </h2>
      <p class="muted small">
        execution {execution.executionId} · alias {run.flowAliasId} · version {run.flowVersion} · caller {run.caller} ·{' '}
        {run.durationMs ?? '…'} ms
      </p>
      <Conversation execution={execution} current={turnIndex} onPick={setTurnIndex} />
      <div class="beside">
        <div class="canvas">
          {flow ? (
            <FlowGraph definition={definition} marks={{ path, ...(node ? { selected: node } : {}) }} onSelect={setNode} />
          ) : (
            <p class="muted">Flow {run.flowId} is gone.</p>
          )}
        </div>
        <div class="inspector" data-inspector>
          {node === undefined ? (
            <p class="muted">Click a node to see what it received, produced and called.</p>
          ) : records.length === 0 ? (
            <p class="muted">{node} did not run in this turn.</p>
          ) : (
            records.map((r, i) => (
              <div key={i} data-node-record={r.nodeName}>
                <h3>
                  {r.nodeName} <span class="muted small">{r.nodeType}</span>
                </h3>
                {r.error !== undefined ? (
                  <p class="error" data-node-error>
                    {errorText(r.error)}
                  </p>
                ) : null}
                <Field name="Inputs" value={r.inputs} />
                <Field name="Outputs" value={r.outputs} />
                <Field name="Calls" value={r.calls} />
                <Field name="IAM decisions" value={r.decisions} />
              </div>
            ))
          )}
        </div>
      </div>
    </section>
  );
}

function Field({ name, value }: { name: string; value: unknown }) {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  return (
    <details open>
      <summary>{name}</summary>
      <pre class="json">{pretty(value)}</pre>
    </details>
  );
}

/** Each turn: what went in (the first node's record) and what came out (Output nodes), or the question it asked. */
function Conversation({ execution, current, onPick }: { execution: Execution; current: number; onPick: (i: number) => void }) {
  if (execution.turns.length < 2) return null;
  return (
    <ol class="conversation" data-conversation>
      {execution.turns.map((turn, i) => {
        const nodes = turn.nodes ?? [];
        const first = nodes[0];
        const outputs = nodes.filter((n) => n.nodeType === 'Output');
        const last = nodes[nodes.length - 1];
        return (
          <li key={i} class={i === current ? 'current' : ''} data-turn={i}>
            <button type="button" class="turn" onClick={() => onPick(i)}>
              turn {i + 1}: {turn.outcome ?? 'running'}
            </button>
            <br />
            <span class="who">in</span> <code>{brief(first?.outputs ?? first?.inputs)}</code>
            <br />
            <span class="who">{turn.outcome === 'INPUT_REQUIRED' ? 'asks' : 'out'}</span>{' '}
            <code>{brief(turn.outcome === 'INPUT_REQUIRED' ? last?.outputs : outputs.map((o) => o.inputs))}</code>
          </li>
        );
      })}
    </ol>
  );
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
