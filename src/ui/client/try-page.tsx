/**
 * Try it: invoke a flow alias with an input document as an identity of the world (POST /_emulator/ui/api/invoke,
 * the server acts for the identity: routes/workbench.ts), then open the run it made.
 */
import { useState } from 'preact/hooks';
import { flowKey, postJson, pretty, type Flow, type Principals } from './api.js';

interface Result {
  executionId: string;
  outcome: string;
  error?: { type: string; message: string; nodeName?: string };
  outputs: { nodeName: string; document: unknown }[];
  question?: { nodeName: string; text: string };
}

/** The text as JSON when it parses, else as a string: `hello` and `"hello"` both send the string. */
function documentOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function TryPage({ flows, principals, onInvoked }: { flows: Flow[]; principals: Principals | undefined; onInvoked: () => void }) {
  const invocable = flows.filter((f) => f.aliases.length > 0);
  const [key, setKey] = useState(invocable[0] ? flowKey(invocable[0]) : '');
  const flow = invocable.find((f) => flowKey(f) === key) ?? invocable[0];
  const [aliasId, setAliasId] = useState('');
  const [identity, setIdentity] = useState('test');
  const [text, setText] = useState('"Hello"');
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | undefined>();
  const [error, setError] = useState<string | undefined>();
  const alias = flow?.aliases.find((a) => a.id === aliasId) ?? flow?.aliases[0];
  const inputNode = flow?.definition?.nodes?.find((n) => n.type === 'Input');

  const send = async (extra: Record<string, unknown>) => {
    if (!flow || !alias) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await postJson<Result>('/_emulator/ui/api/invoke', {
        flowIdentifier: flow.id,
        flowAliasIdentifier: alias.id,
        region: flow.region,
        accessKeyId: identity,
        nodeName: inputNode?.name ?? 'FlowInputNode',
        nodeOutputName: inputNode?.outputs?.[0]?.name ?? 'document',
        document: documentOf(text),
        ...extra,
      });
      setResult(r);
      onInvoked();
    } catch (err) {
      setResult(undefined);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (invocable.length === 0)
    return <p class="muted">No flow has an alias yet: prepare a flow (its test alias TSTALIASID) or create an alias.</p>;
  return (
    <section class="try">
      <h2>Invoke a flow</h2>
      <div class="form">
        <label>
          Flow
          <select
            value={key}
            onChange={(e) => {
              setKey((e.target as HTMLSelectElement).value);
              setAliasId('');
            }}
            data-try-flow
          >
            {invocable.map((f) => (
              <option key={flowKey(f)} value={flowKey(f)}>
                {f.name} ({f.id}, {f.region})
              </option>
            ))}
          </select>
        </label>
        <label>
          Alias
          <select value={alias?.id} onChange={(e) => setAliasId((e.target as HTMLSelectElement).value)} data-try-alias>
            {flow?.aliases.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.id} → {a.flowVersion})
              </option>
            ))}
          </select>
        </label>
        <label>
          As
          <select value={identity} onChange={(e) => setIdentity((e.target as HTMLSelectElement).value)} data-try-identity>
            {(principals?.identities ?? [{ arn: 'test', accessKeyId: 'test' }]).map((i) => (
              <option key={i.accessKeyId} value={i.accessKeyId}>
                {i.arn} ({i.accessKeyId})
              </option>
            ))}
          </select>
        </label>
        <label>
          Input document (JSON, or plain text as a string) for {inputNode?.name ?? 'the input node'}
          <textarea rows={6} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} data-try-document />
        </label>
        <button type="button" disabled={busy} onClick={() => send({})} data-try-invoke>
          {busy ? 'Running…' : 'Invoke'}
        </button>
      </div>
      {error ? (
        <p class="error" data-try-error>
          {error}
        </p>
      ) : null}
      {result ? (
        <div class="result" data-try-result={result.outcome}>
          <p>
            <b>{result.outcome}</b> · execution <a href={`#/runs/${result.executionId}`}>{result.executionId}</a>
          </p>
          {result.error ? (
            <p class="error">{`${result.error.nodeName ? `${result.error.nodeName}: ` : ''}${result.error.type}: ${result.error.message}`}</p>
          ) : null}
          {result.outputs.map((o, i) => (
            <div key={i}>
              <span class="muted small">{o.nodeName}</span>
              <pre class="json" data-try-output>
                {pretty(o.document)}
              </pre>
            </div>
          ))}
          {result.question ? (
            <div class="answer">
              <p>
                {result.question.nodeName} asks: <q>{result.question.text}</q>
              </p>
              <input value={answer} onInput={(e) => setAnswer((e.target as HTMLInputElement).value)} data-try-answer />
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  send({
                    executionId: result.executionId,
                    nodeName: result.question!.nodeName,
                    nodeInputName: 'agentInputText',
                    nodeOutputName: undefined,
                    document: answer,
                  })
                }
              >
                Answer
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
