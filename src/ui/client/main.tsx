/**
 * The workbench (README, Workbench): four pages over the emulator's admin JSON, routed by the URL's hash
 * (#/flows, #/runs, #/iam, #/try) so the server serves one page. Run records stream in from /_emulator/runs/events.
 */
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RunRecord } from '../graph-model.js';
import { getJson, HttpError, type Decision, type Flow, type Principals } from './api.js';
import { FlowsPage } from './flows-page.js';
import { warmUpLayout } from './graph.js';
import { IamPage } from './iam-page.js';
import { RunsPage } from './runs-page.js';
import { TryPage } from './try-page.js';

/** Records kept in the page; the server's ring is the bound that matters (GET /_emulator/runs). */
const MAX_RUNS = 5000;

const route = () => {
  const [page = 'flows', ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { page, arg: rest.length > 0 ? rest.map(decodeURIComponent).join('/') : undefined };
};

function App() {
  const [where, setWhere] = useState(route);
  const [flows, setFlows] = useState<Flow[] | undefined>();
  const [principals, setPrincipals] = useState<Principals | undefined>();
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [runs, setRuns] = useState<RunRecord[]>([]);
  const [runsUnavailable, setRunsUnavailable] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const refresh = useCallback(() => {
    const fail = (err: Error) =>
      setProblem(
        err instanceof HttpError && err.status === 401 ? 'The admin token is needed: open /_emulator/ui?token=<token>.' : err.message,
      );
    getJson<{ flows: Flow[] }>('/_emulator/ui/api/flows').then((b) => setFlows(b.flows), fail);
    getJson<Principals>('/_emulator/ui/api/principals').then(setPrincipals, fail);
    getJson<{ decisions: Decision[] }>('/_emulator/decisions').then((b) => setDecisions(b.decisions), fail);
  }, []);

  useEffect(() => {
    const onHash = () => setWhere(route());
    addEventListener('hashchange', onHash);
    getJson<{ runs: RunRecord[] }>('/_emulator/runs').then(
      (b) => setRuns(b.runs),
      (err: Error) =>
        setRunsUnavailable(
          err instanceof HttpError && err.status === 404
            ? 'This emulator keeps no run records (GET /_emulator/runs answers 404).'
            : err.message,
        ),
    );
    // The live feed: a started run shows at once, and its record replaces it when it ends or pauses (one record per
    // executionId: an answered multi-turn run moves back to the top).
    const feed = new EventSource('/_emulator/runs/events');
    const upsert = (e: MessageEvent) => {
      const record = JSON.parse(e.data) as RunRecord;
      setRuns((old) => [record, ...old.filter((r) => r.executionId !== record.executionId)].slice(0, MAX_RUNS));
    };
    feed.addEventListener('run-started', upsert);
    feed.addEventListener('run', upsert);
    return () => {
      removeEventListener('hashchange', onHash);
      feed.close();
    };
  }, []);

  useEffect(() => {
    if (flows) {
      document.body.dataset.ready = where.page;
      performance.mark('bfe-rendered');
    }
  }, [flows, where.page]);

  // Also the first load: effects run on mount.
  useEffect(refresh, [where.page]);

  const tab = (page: string, label: string) => (
    <a href={`#/${page}`} class={where.page === page ? 'current' : ''} data-tab={page}>
      {label}
    </a>
  );
  return (
    <>
      <header>
        <h1>Bedrock Flows emulator</h1>
        <nav>
          {tab('flows', 'Flows')}
          {tab('runs', 'Runs')}
          {tab('iam', 'IAM')}
          {tab('try', 'Try it')}
        </nav>
        <button type="button" class="refresh" onClick={refresh}>
          Refresh
        </button>
      </header>
      <main>
        {problem ? <p class="error">{problem}</p> : null}
        {!flows ? (
          <p class="muted">Loading…</p>
        ) : where.page === 'runs' ? (
          <RunsPage runs={runs} flows={flows} selected={where.arg} unavailable={runsUnavailable} />
        ) : where.page === 'iam' ? (
          <IamPage decisions={decisions} principals={principals} />
        ) : where.page === 'try' ? (
          <TryPage flows={flows} principals={principals} onInvoked={refresh} />
        ) : (
          <FlowsPage flows={flows} selected={where.arg} />
        )}
      </main>
    </>
  );
}

warmUpLayout();
render(<App />, document.getElementById('app')!);
