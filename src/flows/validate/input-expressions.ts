/** MalformedNodeInputExpression: every declared input's expression must parse (the executor's parser). */
import { parseExpression } from '../expressions/parse.js';
import type { Scope } from './scope.js';
import type { Findings } from './validation.js';

export function checkInputExpressions(scope: Scope, findings: Findings): void {
  for (const node of scope.nodes) {
    for (const input of node.inputs) {
      const parsed = parseExpression(input.expression);
      if (!parsed.ok) {
        findings.add(
          'MalformedNodeInputExpression',
          { node: node.name, input: input.name, cause: parsed.cause },
          `The expression of input ${input.name} of ${node.label} is malformed: ${parsed.cause}`,
        );
      }
    }
  }
}
