/** The one input of a new run: the flow's Input node, its `document` output, content of the declared type. */
import { describeValue, withArticle, type ScopePlan } from '../../flows/index.js';
import { conformsTo } from '../../flows/expressions/index.js';
import type { FlowInput } from '../../generated/types.js';
import { validationException } from '../../protocol/errors.js';

export function flowInputDocument(plan: ScopePlan, input: FlowInput): unknown {
  const entry = plan.entry;
  if (input.nodeName !== entry.name) {
    throw validationException(`The input names node ${input.nodeName}, but the flow starts at its Input node ${entry.name}.`);
  }
  if (input.nodeOutputName !== undefined && input.nodeOutputName !== 'document') {
    throw validationException(`Input node ${entry.name} has no output ${input.nodeOutputName}: its output is document.`);
  }
  if (input.nodeInputName !== undefined) {
    throw validationException('nodeInputName is only for answering a multi-turn input request (with its executionId).');
  }
  const document = input.content.document;
  const declared = entry.outputs.find((o) => o.name === 'document')?.type;
  if (declared && !conformsTo(document, declared)) {
    throw validationException(
      `The input document must be ${withArticle(declared)}, the type of output document of Input node ${entry.name}, ` +
        `but it is ${describeValue(document)}.`,
    );
  }
  return document;
}
