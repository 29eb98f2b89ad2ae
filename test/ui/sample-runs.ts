/** Run records shaped as GET /_emulator/runs serves them, over the bundled playlist flow (fixtures/default.json). */
import type { RunRecord } from '../../src/ui/graph-model.js';

export const PLAYLIST_FLOW = 'FLOW000001';

export function failedRun(executionId = 'exec-failed-0001'): RunRecord {
  return {
    executionId,
    flowId: PLAYLIST_FLOW,
    flowAliasId: 'TSTALIASID',
    flowVersion: 'DRAFT',
    caller: 'arn:aws:iam::123456789012:user/admin',
    startedAt: '2026-12-06T10:00:00.000Z',
    durationMs: 12,
    outcome: 'dependencyFailedException',
    nodes: [
      {
        nodeName: 'FlowInput',
        nodeType: 'Input',
        inputs: [],
        outputs: [{ name: 'document', value: { genre: 'pop', number: 3 } }],
        calls: [],
        decisions: [],
      },
      {
        nodeName: 'MakePlaylist',
        nodeType: 'Prompt',
        inputs: [{ name: 'genre', value: 'pop' }],
        outputs: [],
        calls: [{ serviceName: 'bedrock', operationName: 'InvokeModel', operationRequest: { prompt: 'Make a pop playlist' } }],
        decisions: [],
        error: { type: 'DependencyFailedException', message: 'The model amazon.nova-lite-v1:0 refused: throttled' },
      },
    ],
  };
}

/** `n` successful runs, newest first, a second apart. */
export function manyRuns(n: number): RunRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    executionId: `exec-${String(n - i).padStart(6, '0')}`,
    flowId: PLAYLIST_FLOW,
    flowAliasId: 'TSTALIASID',
    flowVersion: 'DRAFT',
    caller: 'arn:aws:iam::123456789012:user/admin',
    startedAt: new Date(Date.UTC(2026, 11, 6, 10, 0, 0) - i * 1000).toISOString(),
    durationMs: 5,
    outcome: 'SUCCESS',
    nodes: [
      { nodeName: 'FlowInput', nodeType: 'Input', outputs: [{ name: 'document', value: { genre: 'pop', number: 3 } }] },
      { nodeName: 'MakePlaylist', nodeType: 'Prompt', outputs: [{ name: 'modelCompletion', value: '1. Song A' }] },
      { nodeName: 'FlowOutput', nodeType: 'Output', inputs: [{ name: 'document', value: '1. Song A' }] },
    ],
  }));
}
