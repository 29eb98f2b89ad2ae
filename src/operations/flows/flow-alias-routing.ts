import { validationException } from '../../protocol/errors.js';
import type { FlowRecord } from '../../world/records.js';

/** An alias routes to the draft or to a version that exists. */
export function checkFlowAliasRouting(flow: FlowRecord, routing: { flowVersion?: string }[]): { flowVersion: string }[] {
  return routing.map(({ flowVersion = 'DRAFT' }) => {
    if (flowVersion !== 'DRAFT' && !flow.versions[flowVersion]) {
      throw validationException(`Version ${flowVersion} of flow ${flow.id} does not exist.`);
    }
    return { flowVersion };
  });
}
