/**
 * Runs: the run records (GET /_emulator/runs, live from /_emulator/runs/events), newest first; a run opened on its
 * flow's graph with its path, its failed node and each node's record a click away. A multi-turn exchange is one
 * record whose nodes carry their turn (src/runs/run-record.ts): it shows as one conversation, each turn's path a
 * click away.
 */
import { useMemo, useState } from 'preact/hooks';
import { conversationOf, errorText, graphOf, runPath, type RunRecord } from '../graph-model.js';
import { definitionFor, pretty, type Flow } from './api.js';
import { FlowGraph } from './graph.js';

/** Rows drawn at first; the rest a click away, so a full ring of records does not slow the first render. */
const PAGE = 200;

const outcomeClass = (outcome: string | undefined) =>
  outcome === undefined || outcome === 'RUNNING'
    ? 'running'
    : outcome === 'SUCCESS'
      ? 'ok'
      : outcome === 'INPUT_REQUIRED'
        ? 'waiting'
        : 'bad';

/** The flow a run ran: by id within its account and region (ids are unique only there). */
const flowOf = (flows: Flow[], run: RunRecord) =>
  flows.find(
    (f) =>
      f.id === run.flowId &&
      (run.account === undefined || f.account === run.account) &&
      (run.region === undefined || f.region === run.region),
  );

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
  const [shown, setShown] = useState(PAGE);
  const run = runs.find((r) => r.executionId === selected);
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
            {runs.slice(0, shown).map((r) => (
              <tr key={r.executionId} class={r === run ? 'current' : ''} data-run={r.executionId}>
                <td>
                  <a href={`#/runs/${r.executionId}`}>{flowOf(flows, r)?.name ?? r.flowId}</a>
                  {(r.turns ?? 1) > 1 ? <span class="muted small"> · {r.turns} turns</span> : null}
                  <div class="muted small">
                    {(r.startedAt ?? '').replace('T', ' ').slice(0, 19)} · {r.flowAliasId ?? ''} · {r.flowVersion ?? ''}
                  </div>
                </td>
                <td>
                  <span class={`outcome ${outcomeClass(r.outcome)}`} title={r.outcome}>
                    {r.outcome ?? 'RUNNING'}
                  </span>
                </td>
                <td>{r.durationMs ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {runs.length > shown ? (
          <button type="button" onClick={() => setShown(shown + PAGE)}>
            Show more ({runs.length - shown} older)
          </button>
        ) : null}
        {runs.length === 0 ? <p class="muted">No runs yet: invoke a flow (Try it) and it appears here.</p> : null}
      </aside>
      {run ? <RunDetail key={run.executionId} run={run} flows={flows} /> : <p class="muted detail">Pick a run.</p>}
    </div>
  );
}

function RunDetail({ run, flows }: { run: RunRecord; flows: Flow[] }) {
  const [turn, setTurn] = useState<number | undefined>();
  const [node, setNode] = useState<string | undefined>();
  const flow = flowOf(flows, run);
  const definition = flow ? definitionFor(flow, run.flowVersion) : undefined;
  const path = useMemo(() => runPath(graphOf(definition), run, turn), [definition, run, turn]);
  const records = (run.nodes ?? []).filter((n) => n.nodeName === node && (turn === undefined || (n.turn ?? 1) === turn));
  return (
    <section class="detail" data-execution={run.executionId}>
      <h2>
        {flow?.name ?? run.flowId} <span class={`outcome ${outcomeClass(run.outcome)}`}>{run.outcome ?? 'RUNNING'}</span>
      </h2>
      <p class="muted small">
        execution {run.executionId} · alias {run.flowAliasId} · version {run.flowVersion} · caller {run.caller} · {run.durationMs ?? '…'} ms
      </p>
      {run.error !== undefined ? (
        <p class="error" data-run-error>
          {errorText(run.error)}
        </p>
      ) : null}
      <Conversation run={run} current={turn} onPick={setTurn} />
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
            <p class="muted">
              {node} did not run{turn === undefined ? '' : ' in this turn'}.
            </p>
          ) : (
            records.map((r, i) => (
              <div key={i} data-node-record={r.nodeName}>
                <h3>
                  {r.nodeName} <span class="muted small">{r.nodeType}</span>
                  {records.length > 1 || (run.turns ?? 1) > 1 ? (
                    <span class="muted small">
                      {' '}
                      · run {i + 1}, turn {r.turn ?? 1}
                    </span>
                  ) : null}
                </h3>
                {r.error !== undefined ? (
                  <p class="error" data-node-error>
                    {errorText(r.error)}
                  </p>
                ) : null}
                {r.condition !== undefined ? <p>Condition chosen: {r.condition}</p> : null}
                {r.question !== undefined ? <p>Asked: {r.question}</p> : null}
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
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return null;
  return (
    <details open>
      <summary>{name}</summary>
      <pre class="json">{pretty(value)}</pre>
    </details>
  );
}

/** Each turn: what went in and what came out (or what the flow asked); a click shows that turn's path alone. */
function Conversation({
  run,
  current,
  onPick,
}: {
  run: RunRecord;
  current: number | undefined;
  onPick: (turn: number | undefined) => void;
}) {
  const turns = conversationOf(run);
  if (turns.length < 2) return null;
  return (
    <ol class="conversation" data-conversation>
      {turns.map((t) => (
        <li key={t.turn} class={t.turn === current ? 'current' : ''} data-turn={t.turn}>
          <button type="button" class="turn" onClick={() => onPick(t.turn === current ? undefined : t.turn)}>
            turn {t.turn}
          </button>
          <br />
          <span class="who">in</span> <code>{brief(t.said)}</code>
          <br />
          <span class="who">{t.asked !== undefined ? 'asks' : 'out'}</span>{' '}
          <code>{t.asked !== undefined ? t.asked : brief(t.answered)}</code>
        </li>
      ))}
    </ol>
  );
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
