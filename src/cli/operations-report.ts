/**
 * `lint-policy --operations`: for each operation the emulator serves (the route table, routes/index.ts, is the
 * source of names and actions), whether the policy allows it, on which resources and under which conditions; a
 * route that passes a role also shows iam:PassRole.
 */
import { actionCoverage, type ActionCoverage, type CompiledPolicy, type CoveringStatement } from '../iam/index.js';
import { allRoutes } from '../../routes/index.js';

const VERDICT: Readonly<Record<ActionCoverage['verdict'], string>> = {
  allowed: 'allowed',
  'allowed-with-conditions': 'allowed under conditions',
  'not-allowed': 'not allowed',
  denied: 'denied',
};

const quote = (s: string | number) => (typeof s === 'number' ? `#${s}` : s);

function describe(s: CoveringStatement): string {
  const when = s.conditions.map((c) => `${c.operator} ${c.key} = ${c.values.join(' | ')}`).join(' and ');
  return `on ${s.resources.join(', ')}${when ? ` when ${when}` : ''} (${quote(s.statement)})`;
}

function line(coverage: ActionCoverage): string {
  const { verdict, allows, denies } = coverage;
  const granted = verdict === 'allowed' ? allows.filter((s) => s.conditions.length === 0) : allows;
  const parts = [VERDICT[verdict]];
  if (verdict === 'allowed' || verdict === 'allowed-with-conditions') parts.push(granted.map(describe).join('; '));
  if (denies.length > 0) parts.push(`; explicitly denied ${denies.map(describe).join('; ')}`);
  return parts.join(' ').replace(' ;', ';');
}

/** One line an operation, `file: Operation (action): verdict …`; summary last. */
export function operationsReport(file: string, policy: CompiledPolicy): string[] {
  const lines: string[] = [];
  let allowed = 0;
  for (const route of allRoutes) {
    const coverage = actionCoverage([policy], route.action);
    if (coverage.verdict === 'allowed' || coverage.verdict === 'allowed-with-conditions') allowed++;
    lines.push(`${file}: ${route.operation} (${route.action}): ${line(coverage)}`);
    if (route.passRole)
      lines.push(`${file}: ${route.operation} also needs iam:PassRole: ${line(actionCoverage([policy], 'iam:PassRole'))}`);
  }
  lines.push(`${file}: ${allowed} of ${allRoutes.length} operations allowed (some only under conditions)`);
  return lines;
}
