/**
 * Each connection on its own: its ends (UnknownConnectionSource/Target, or InvalidLoopBoundary when the name is
 * a node of another loop level), its configuration (MissingConnectionConfiguration), the output and input it
 * names (UnknownConnectionSourceOutput/TargetInput); then DuplicateConnections, a Warning: the same connection
 * twice (same type, ends and configuration). Two connections between the same two nodes carrying different
 * outputs or inputs are normal (the AWS playlist sample has two from FlowInput to MakePlaylist).
 */
import { connectionKey } from './edges.js';
import { connectableInputs, connectableOutputs } from './ports.js';
import { isRecord, type ConnectionView, type Scope } from './scope.js';
import type { Findings } from './validation.js';

export function checkConnections(scope: Scope, allNodeNames: ReadonlySet<string>, findings: Findings): void {
  for (const connection of scope.connections) checkConnection(scope, connection, allNodeNames, findings);
  const seen = new Map<string, number>();
  for (const connection of scope.connections) {
    const key = connectionKey(connection);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 2) {
      findings.add(
        'DuplicateConnections',
        { source: connection.source, target: connection.target },
        `There is more than one ${String(connection.type)} connection from ${connection.source} to ${connection.target} with the same configuration.`,
      );
    }
  }
}

function checkConnection(scope: Scope, c: ConnectionView, allNodeNames: ReadonlySet<string>, findings: Findings): void {
  if (c.type !== 'Data' && c.type !== 'Conditional') {
    return findings.unspecified(`Connection ${c.name} has the type '${String(c.type)}'; it must be Data or Conditional.`);
  }
  const source = scope.byName.get(c.source);
  const target = scope.byName.get(c.target);
  const crossing = [c.source, c.target].filter((n) => !scope.byName.has(n) && allNodeNames.has(n));
  if (crossing.length > 0) {
    findings.add(
      'InvalidLoopBoundary',
      { connection: c.name, source: c.source, target: c.target },
      `Connection ${c.name} crosses a loop boundary: ${crossing.join(' and ')} belongs to another loop level. Data enters and leaves a loop body only through its Loop node's inputs and outputs.`,
    );
  }
  if (!source && !crossing.includes(c.source)) {
    findings.add(
      'UnknownConnectionSource',
      { connection: c.name },
      `The source ${c.source} of connection ${c.name} is not a node of the flow.`,
    );
  }
  if (!target && !crossing.includes(c.target)) {
    findings.add(
      'UnknownConnectionTarget',
      { connection: c.name },
      `The target ${c.target} of connection ${c.name} is not a node of the flow.`,
    );
  }
  const member = c.type === 'Data' ? 'data' : 'conditional';
  const complete = c.type === 'Data' ? c.data !== undefined : c.condition !== undefined;
  if (!complete) {
    const what = isRecord(c.configuration) && isRecord(c.configuration[member]) ? 'is incomplete' : 'is missing';
    return findings.add(
      'MissingConnectionConfiguration',
      { connection: c.name },
      `The configuration.${member} of ${c.type} connection ${c.name} ${what}.`,
    );
  }
  if (!c.data) return;
  if (source && !connectableOutputs(source).has(c.data.sourceOutput)) {
    findings.add(
      'UnknownConnectionSourceOutput',
      { connection: c.name },
      `Connection ${c.name} reads output ${c.data.sourceOutput}, which ${source.label} does not have.`,
    );
  }
  if (target && !connectableInputs(target).has(c.data.targetInput)) {
    findings.add(
      'UnknownConnectionTargetInput',
      { connection: c.name },
      `Connection ${c.name} feeds input ${c.data.targetInput}, which ${target.label} does not have.`,
    );
  }
}
