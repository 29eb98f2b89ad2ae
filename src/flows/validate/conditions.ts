/**
 * Condition nodes and conditional connections. Each condition is parsed with the executor's parser against the
 * node's declared inputs (MalformedConditionExpression); equal expressions are DuplicateConditionExpression
 * (Warning); a `default` entry is required (MissingDefaultCondition). A conditional connection must name a
 * condition of its source, which must be a Condition node (UnknownConnectionCondition), and a condition that can
 * never be chosen, because the declared types make it always false or an earlier condition always true, makes
 * its connections UnsatisfiedConnectionConditions. A LoopController's continueCondition is parsed the same way.
 */
import { printCondition } from '../conditions/ast.js';
import { DEFAULT_CONDITION } from '../conditions/evaluate.js';
import { parseCondition, type CompiledCondition } from '../conditions/parser.js';
import { isRecord, type NodeView, type Scope } from './scope.js';
import type { Findings } from './validation.js';

export const MAX_CONDITIONS_PER_NODE = 5;

/** What the connection checks need to know of one Condition node. */
export interface ConditionNodeSummary {
  readonly names: ReadonlySet<string>;
  readonly hasDefault: boolean;
  /** Conditions that can never be chosen. */
  readonly neverChosen: ReadonlySet<string>;
}

export function checkConditionNodes(scope: Scope, findings: Findings): Map<string, ConditionNodeSummary> {
  const summaries = new Map<string, ConditionNodeSummary>();
  for (const node of scope.nodes) {
    if (node.type === 'Condition' && Array.isArray(node.config?.conditions)) {
      summaries.set(node.name, checkConditionNode(node, node.config.conditions, findings));
    }
    const continueCondition = node.type === 'LoopController' ? node.config?.continueCondition : undefined;
    if (isRecord(continueCondition) && typeof continueCondition.name === 'string') {
      compile(node, continueCondition.name, continueCondition.expression, findings);
    }
  }
  return summaries;
}

function checkConditionNode(node: NodeView, entries: readonly unknown[], findings: Findings): ConditionNodeSummary {
  if (entries.length > MAX_CONDITIONS_PER_NODE) {
    findings.unspecified(`${node.label} has ${entries.length} conditions; at most ${MAX_CONDITIONS_PER_NODE} are allowed.`);
  }
  const names = new Set<string>();
  const neverChosen = new Set<string>();
  const byCanonicalText = new Map<string, string>();
  let shadowed = false; // an earlier condition always holds
  entries.forEach((entry, i) => {
    if (!isRecord(entry) || typeof entry.name !== 'string') {
      return findings.unspecified(`Condition #${i + 1} of ${node.label} needs a name.`);
    }
    const { name } = entry;
    if (names.has(name)) return findings.unspecified(`${node.label} has more than one condition named ${name}.`);
    names.add(name);
    if (name === DEFAULT_CONDITION) return; // the fallback wherever it is listed; its expression, if any, is ignored
    const compiled = compile(node, name, entry.expression, findings);
    if (!compiled) return;
    const canonical = printCondition(compiled.ast);
    if (byCanonicalText.has(canonical)) {
      findings.add(
        'DuplicateConditionExpression',
        { node: node.name, expression: compiled.text },
        `Conditions ${byCanonicalText.get(canonical)} and ${name} of ${node.label} have the same expression: ${compiled.text}`,
      );
    } else byCanonicalText.set(canonical, name);
    if (shadowed || compiled.constant === false) neverChosen.add(name);
    if (compiled.constant === true) shadowed = true;
  });
  const hasDefault = names.has(DEFAULT_CONDITION);
  if (shadowed) neverChosen.add(DEFAULT_CONDITION);
  if (!hasDefault) {
    findings.add(
      'MissingDefaultCondition',
      { node: node.name },
      `${node.label} has no default condition (a condition named ${DEFAULT_CONDITION} without an expression).`,
    );
  }
  return { names, hasDefault, neverChosen };
}

function compile(node: NodeView, condition: string, expression: unknown, findings: Findings): CompiledCondition | undefined {
  const parsed = parseCondition(expression, node.inputs);
  if (parsed.ok) return parsed.condition;
  findings.add(
    'MalformedConditionExpression',
    { node: node.name, condition, cause: parsed.cause },
    `Condition ${condition} of ${node.label} is malformed: ${parsed.cause}`,
  );
  return undefined;
}

export function checkConditionalConnections(scope: Scope, summaries: ReadonlyMap<string, ConditionNodeSummary>, findings: Findings): void {
  for (const c of scope.connections) {
    const source = scope.byName.get(c.source);
    if (c.condition === undefined || !source) continue;
    const summary = summaries.get(source.name);
    if (source.type !== 'Condition') {
      findings.add(
        'UnknownConnectionCondition',
        { connection: c.name },
        `Conditional connection ${c.name} starts at ${source.label}, which has no conditions: only Condition nodes do.`,
      );
    } else if (!summary || (c.condition === DEFAULT_CONDITION && !summary.hasDefault)) {
      continue; // reported on the node (MissingNodeConfiguration, MissingDefaultCondition)
    } else if (!summary.names.has(c.condition)) {
      findings.add(
        'UnknownConnectionCondition',
        { connection: c.name },
        `Connection ${c.name} follows condition ${c.condition}, which ${source.label} does not define.`,
      );
    } else if (summary.neverChosen.has(c.condition)) {
      findings.add(
        'UnsatisfiedConnectionConditions',
        { connection: c.name },
        `Connection ${c.name} is never taken: condition ${c.condition} of ${source.label} can never be the one chosen (it is always false, or an earlier condition is always true).`,
      );
    }
  }
}
