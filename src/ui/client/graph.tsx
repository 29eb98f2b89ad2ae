/**
 * A flow definition drawn as SVG: laid out by ELK (elkjs, in a Web Worker so the page never waits on its 1.6 MB
 * engine), drawn by hand from ELK's positions. Nodes by type, labelled ports, data and conditional connections, Loop
 * nodes as groups around their inner definition, an Iterator's per-item nodes in a box; validations, a run's path and failed nodes marked.
 */
import ELK from 'elkjs/lib/elk-api.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FlowDefinition } from '../../generated/types.js';
import { elkGraph, graphOf, HEADER, nodeSize, portY, type EdgeModel, type NodeModel, type RunPath } from '../graph-model.js';

let elk: InstanceType<typeof ELK> | undefined;
const engine = () => (elk ??= new ELK({ workerUrl: '/_emulator/ui/assets/elk-worker.js' }));

/** Starts the layout worker loading while the page fetches its data, so the first graph does not wait for both in turn. */
export const warmUpLayout = () => void engine();

interface Laid {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: Laid[];
  edges?: { id: string; container?: string; sections?: { startPoint: Pt; endPoint: Pt; bendPoints?: Pt[] }[] }[];
}
interface Pt {
  x: number;
  y: number;
}

export interface Marks {
  /** Node name → validation messages. */
  invalidNodes?: Map<string, string[]>;
  invalidConnections?: Map<string, string[]>;
  path?: RunPath;
  selected?: string;
}

const COLORS: Record<string, string> = {
  Input: '#2e7d32',
  Output: '#6a1b9a',
  Prompt: '#1565c0',
  Condition: '#ef6c00',
  LambdaFunction: '#d84315',
  KnowledgeBase: '#00838f',
  Retrieval: '#00838f',
  Storage: '#5d4037',
  Agent: '#ad1457',
  Iterator: '#455a64',
  Collector: '#455a64',
  Loop: '#37474f',
  LoopInput: '#546e7a',
  LoopController: '#546e7a',
  InlineCode: '#4e342e',
  Lex: '#283593',
};

export function FlowGraph({
  definition,
  marks,
  onSelect,
}: {
  definition: FlowDefinition | undefined;
  marks: Marks;
  onSelect?: (name: string) => void;
}) {
  const model = useMemo(() => graphOf(definition), [definition]);
  const [laid, setLaid] = useState<Laid | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setLaid(undefined);
    engine()
      .layout(elkGraph(model) as never)
      .then(
        (out) => {
          if (!live) return;
          setLaid(out as unknown as Laid);
          // The first graph drawn: what the browser tests report as the time to a usable page.
          if (performance.getEntriesByName('bfe-graph').length === 0) performance.mark('bfe-graph');
        },
        (err: Error) => live && setError(err.message),
      );
    return () => {
      live = false;
    };
  }, [model]);
  if (error) return <p class="error">Layout failed: {error}</p>;
  if (!laid) return <p class="muted graph-pending">Laying out {model.nodes.length} nodes…</p>;
  const width = (laid.width ?? 0) + 20;
  // Room under the nodes for a failed node's error, written below it.
  const height = (laid.height ?? 0) + 20 + (marks.path && marks.path.failed.size > 0 ? 60 : 0);
  return (
    <svg
      class="graph"
      data-graph
      role="img"
      aria-label="The flow's graph"
      width={width}
      height={height}
      viewBox={`-10 -10 ${width} ${height}`}
    >
      <title>The flow's graph</title>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#607d8b" />
        </marker>
        <marker id="arrow-hot" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#2e7d32" />
        </marker>
      </defs>
      <Scope nodes={model.nodes} edges={model.edges} laid={laid} marks={marks} onSelect={onSelect} />
    </svg>
  );
}

function Scope({
  nodes,
  edges,
  laid,
  marks,
  onSelect,
}: {
  nodes: NodeModel[];
  edges: EdgeModel[];
  laid: Laid;
  marks: Marks;
  onSelect?: ((name: string) => void) | undefined;
}) {
  const placed = new Map((laid.children ?? []).map((c) => [c.id, c]));
  const routes = new Map((laid.edges ?? []).map((e) => [e.id, e]));
  return (
    <g>
      {nodes.map((node) => {
        const at = placed.get(node.id);
        if (!at) return null;
        if (node.iteration) return <IterationBox key={node.id} node={node} at={at} marks={marks} onSelect={onSelect} />;
        return <Node key={node.id} node={node} at={at} marks={marks} onSelect={onSelect} />;
      })}
      {edges.map((edge) => (
        <Edge key={edge.id} edge={edge} route={routes.get(edge.id)} marks={marks} />
      ))}
    </g>
  );
}

function Edge({ edge, route, marks }: { edge: EdgeModel; route: NonNullable<Laid['edges']>[number] | undefined; marks: Marks }) {
  const section = route?.sections?.[0];
  if (!section) return null;
  const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
  const invalid = marks.invalidConnections?.get(edge.name);
  const hot = marks.path?.connections.has(edge.id);
  const cls = ['edge', edge.kind === 'Conditional' ? 'conditional' : 'data', hot ? 'on-path' : '', invalid ? 'invalid' : ''].join(' ');
  const mid = points[Math.floor(points.length / 2)]!;
  return (
    <g class={cls} data-edge={edge.name}>
      <title>{`${edge.name}${edge.label ? ` (if ${edge.label})` : ''}${invalid ? `\n${invalid.join('\n')}` : ''}`}</title>
      <path d={d} fill="none" marker-end={hot ? 'url(#arrow-hot)' : 'url(#arrow)'} />
      {edge.label ? (
        <text x={mid.x + 4} y={mid.y - 4} class="edge-label">
          {edge.label}
        </text>
      ) : null}
      {invalid ? (
        <text x={mid.x - 6} y={mid.y + 14} class="badge">
          ⚠
        </text>
      ) : null}
    </g>
  );
}

function Node({ node, at, marks, onSelect }: { node: NodeModel; at: Laid; marks: Marks; onSelect?: ((name: string) => void) | undefined }) {
  const { width, height } = at.width && at.height ? { width: at.width, height: at.height } : nodeSize(node);
  const invalid = marks.invalidNodes?.get(node.name);
  const ran = marks.path?.ran.has(node.name);
  const failed = marks.path?.failed.get(node.name);
  const group = node.children.length > 0;
  const cls = [
    'node',
    group ? 'group' : '',
    ran ? 'ran' : '',
    failed !== undefined ? 'failed' : '',
    invalid ? 'invalid' : '',
    marks.selected === node.name ? 'selected' : '',
  ].join(' ');
  const color = COLORS[node.type] ?? '#616161';
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be an HTML <button>; its role and keys make it one
    <g
      class={cls}
      data-node={node.name}
      data-type={node.type}
      transform={`translate(${at.x ?? 0} ${at.y ?? 0})`}
      role="button"
      tabIndex={0}
      onClick={(e) => {
        // A node inside a Loop is picked, not the Loop around it.
        e.stopPropagation();
        onSelect?.(node.name);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.stopPropagation();
        onSelect?.(node.name);
      }}
    >
      <title>{[`${node.name} (${node.type})`, ...(invalid ?? []), ...(failed ? [failed] : [])].join('\n')}</title>
      <rect class="body" width={width} height={height} rx="6" />
      <rect class="header" width={width} height={HEADER - 4} rx="6" fill={color} />
      <text x="8" y="17" class="node-name">
        {node.name}
      </text>
      <text x={width - 8} y="17" class="node-type" text-anchor="end">
        {node.type}
      </text>
      {invalid ? (
        <text x={width - 4} y={-4} class="badge" text-anchor="end">
          ⚠ {invalid.length}
        </text>
      ) : null}
      {!group &&
        node.inputs.map((p, i) => (
          <g key={p.id} class="port in">
            <circle cx="0" cy={portY(i)} r="4" />
            <text x="8" y={portY(i) + 4}>
              {p.name}
            </text>
          </g>
        ))}
      {!group &&
        node.outputs.map((p, i) => (
          <g key={p.id} class={`port out${p.condition ? ' condition' : ''}`}>
            <circle cx={width} cy={portY(i)} r="4" />
            <text x={width - 8} y={portY(i) + 4} text-anchor="end">
              {p.condition ? `if ${p.name}` : p.name}
            </text>
          </g>
        ))}
      {failed ? (
        <text x="0" y={height + 14} class="failure" data-failure={node.name}>
          {wrap(`✖ ${failed}`, Math.floor(width / 6.5), 4).map((line, i) => (
            <tspan key={i} x="0" dy={i === 0 ? 0 : 14}>
              {line}
            </tspan>
          ))}
        </text>
      ) : null}
      {group ? <Scope nodes={node.children} edges={node.edges} laid={at} marks={marks} onSelect={onSelect} /> : null}
    </g>
  );
}

/** An Iterator's per-item nodes in a dashed box: not a node of the definition, so nothing to pick or mark. */
function IterationBox({
  node,
  at,
  marks,
  onSelect,
}: {
  node: NodeModel;
  at: Laid;
  marks: Marks;
  onSelect?: ((name: string) => void) | undefined;
}) {
  const label = `each item of ${node.name}${node.iteration?.collector ? ` → ${node.iteration.collector}` : ''}`;
  return (
    <g class="iteration" data-iteration={node.name} transform={`translate(${at.x ?? 0} ${at.y ?? 0})`}>
      <title>{`Runs once per item of ${node.name}'s array${node.iteration?.collector ? `, collected by ${node.iteration.collector}` : ''}`}</title>
      <rect width={at.width ?? 0} height={at.height ?? 0} rx="10" />
      <text x="10" y="18" class="iteration-label">
        ⟳ {label}
      </text>
      <Scope nodes={node.children} edges={node.edges} laid={at} marks={marks} onSelect={onSelect} />
    </g>
  );
}

/** Words into lines of at most `width` characters, at most `lines` of them (the last one cut with …). */
function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  return [...out.slice(0, lines - 1), `${out[lines - 1]!.slice(0, width - 1)}…`];
}
