/**
 * IncompatibleConnectionDataType. The target input's expression is applied to the source output's value, so the
 * rule depends on the expression:
 * - `$.data` passes the value unchanged: the declared types must be equal (strict: both are fixed at design time);
 * - a path needs something to walk: a String/Number/Boolean source cannot take one, a `.field` first step needs
 *   an Object, an index or slice first step an Array; beyond the first step the shape is unknown, so lenient;
 * - a wildcard, index list or slice always yields an Array, so the input must be an Array.
 * A source whose type is not static (an Iterator's `arrayItem`, an undeclared Any output) is accepted.
 */
import type { FlowNodeIODataType } from '../definition.js';
import { parseExpression, type CompiledExpression } from '../expressions/parse.js';
import { outputType } from './ports.js';
import type { Scope } from './scope.js';
import type { Findings } from './validation.js';

export function checkConnectionTypes(scope: Scope, findings: Findings): void {
  for (const c of scope.connections) {
    const source = scope.byName.get(c.source);
    const target = scope.byName.get(c.target);
    const input = target?.inputs.find((i) => i.name === c.data?.targetInput);
    if (!c.data || !source || !target || !input) continue;
    const parsed = parseExpression(input.expression);
    const sourceType = outputType(source, c.data.sourceOutput);
    const reason = parsed.ok ? incompatibility(sourceType, parsed.expression, input.type) : undefined;
    if (reason) {
      findings.add(
        'IncompatibleConnectionDataType',
        { connection: c.name },
        `Connection ${c.name} cannot feed output ${c.data.sourceOutput} of ${source.label} (${sourceType ?? 'any type'}) into input ${input.name} (${input.type}) of ${target.label}: ${reason}.`,
      );
    }
  }
}

function incompatibility(
  sourceType: FlowNodeIODataType | undefined,
  expression: CompiledExpression,
  targetType: FlowNodeIODataType,
): string | undefined {
  const [first] = expression.steps;
  if (!first) return sourceType && sourceType !== targetType ? `${expression.text} passes the ${sourceType} unchanged` : undefined;
  if (sourceType === 'String' || sourceType === 'Number' || sourceType === 'Boolean') {
    return `a ${sourceType} can only be taken whole, with $.data`;
  }
  if (first.kind === 'field' && sourceType === 'Array') return `${expression.text} reads a field of an Array`;
  if (first.kind !== 'field' && first.kind !== 'wildcard' && sourceType === 'Object') return `${expression.text} indexes an Object`;
  if (expression.multi && targetType !== 'Array') return `${expression.text} selects several values, which make an Array`;
  return undefined;
}
