/**
 * Run records shaped as GET /_emulator/runs serves them (src/runs/run-record.ts, the fields the workbench reads),
 * over the bundled playlist flow (fixtures/default.json).
 */
import type { RunRecord } from '../../src/ui/graph-model.js';

export const PLAYLIST_FLOW = 'FLOW000001';

const base = {
  account: '123456789012',
  region: 'us-east-1',
  flowId: PLAYLIST_FLOW,
  flowAliasId: 'TSTALIASID',
  flowVersion: 'DRAFT',
  caller: 'arn:aws:iam::123456789012:user/admin',
  input: { genre: 'pop', number: 3 },
  turns: 1,
};

export function failedRun(executionId = 'exec-failed-0001'): RunRecord {
  const error = { type: 'DependencyFailedException', message: 'The model amazon.nova-lite-v1:0 refused: throttled' };
  return {
    ...base,
    executionId,
    startedAt: '2026-12-06T10:00:00.000Z',
    durationMs: 12,
    outcome: 'dependencyFailedException',
    error: { ...error, nodeName: 'MakePlaylist' },
    nodes: [
      {
        nodeName: 'FlowInput',
        nodeType: 'Input',
        turn: 1,
        inputs: {},
        outputs: { document: { genre: 'pop', number: 3 } },
        calls: [],
        decisions: [],
      },
      {
        nodeName: 'MakePlaylist',
        nodeType: 'Prompt',
        turn: 1,
        inputs: { genre: 'pop', number: 3 },
        outputs: {},
        calls: [
          {
            serviceName: 'bedrock',
            operationName: 'Converse',
            request: { messages: [{ role: 'user', content: [{ text: 'Make me a pop playlist' }] }] },
          },
        ],
        decisions: [],
        error,
      },
    ],
  };
}

/** `n` successful runs, newest first, a second apart. */
export function manyRuns(n: number): RunRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    executionId: `exec-${String(n - i).padStart(6, '0')}`,
    startedAt: new Date(Date.UTC(2026, 11, 6, 10, 0, 0) - i * 1000).toISOString(),
    durationMs: 5,
    outcome: 'SUCCESS',
    nodes: [
      { nodeName: 'FlowInput', nodeType: 'Input', turn: 1, outputs: { document: { genre: 'pop', number: 3 } } },
      {
        nodeName: 'MakePlaylist',
        nodeType: 'Prompt',
        turn: 1,
        inputs: { genre: 'pop', number: 3 },
        outputs: { modelCompletion: '1. Song A' },
      },
      { nodeName: 'FlowOutput', nodeType: 'Output', turn: 1, inputs: { document: '1. Song A' } },
    ],
  }));
}

/** One run of two turns: the first asks a question, the answer completes it. */
export function multiTurnRun(): RunRecord {
  return {
    ...base,
    executionId: 'exec-multi-turn',
    startedAt: '2026-12-06T10:00:00.000Z',
    durationMs: 9,
    outcome: 'SUCCESS',
    turns: 2,
    nodes: [
      { nodeName: 'FlowInput', nodeType: 'Input', turn: 1, outputs: { document: { genre: 'pop' } } },
      { nodeName: 'MakePlaylist', nodeType: 'Prompt', turn: 1, inputs: { genre: 'pop' }, question: 'How many songs?' },
      {
        nodeName: 'MakePlaylist',
        nodeType: 'Prompt',
        turn: 2,
        inputs: { agentInputText: 'three' },
        outputs: { modelCompletion: '1. Song A' },
      },
      { nodeName: 'FlowOutput', nodeType: 'Output', turn: 2, inputs: { document: '1. Song A' } },
    ],
  };
}
