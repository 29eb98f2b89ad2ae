/**
 * A DoWhile loop whose body echoes its String input through a Prompt node (the model rules' default is `echo`)
 * and never says stop: every round streams the value several times over when trace is on (loop input, prompt
 * input, the InvokeModel action's request and response, prompt output, controller inputs).
 */
import { FLOW_ROLE } from '../helpers/emulator.js';
import { dataConnection } from '../flows/fixtures.js';

export function echoLoopFlow(maxIterations: number) {
  return {
    nodes: [
      { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'String' }] },
      {
        type: 'Loop',
        name: 'Echoes',
        inputs: [{ name: 'loopInput', type: 'String', expression: '$.data' }],
        outputs: [{ name: 'loopOutput', type: 'String' }],
        configuration: {
          loop: {
            definition: {
              nodes: [
                {
                  type: 'LoopInput',
                  name: 'LoopStart',
                  configuration: { loopInput: {} },
                  outputs: [{ name: 'loopInput', type: 'String' }],
                },
                {
                  type: 'Prompt',
                  name: 'Echo',
                  configuration: {
                    prompt: {
                      sourceConfiguration: {
                        inline: {
                          modelId: 'amazon.nova-lite-v1:0',
                          templateType: 'TEXT',
                          templateConfiguration: { text: { text: '{{text}}' } },
                        },
                      },
                    },
                  },
                  inputs: [{ name: 'text', type: 'String', expression: '$.data' }],
                  outputs: [{ name: 'modelCompletion', type: 'String' }],
                },
                {
                  type: 'LoopController',
                  name: 'Control',
                  configuration: { loopController: { continueCondition: { name: 'again', expression: 'reply != "stop"' }, maxIterations } },
                  inputs: [
                    { name: 'reply', type: 'String', expression: '$.data', category: 'LoopCondition' },
                    { name: 'loopInput', type: 'String', expression: '$.data', category: 'ReturnValueToLoopStart' },
                    { name: 'loopOutput', type: 'String', expression: '$.data', category: 'ExitLoop' },
                  ],
                },
              ],
              connections: [
                dataConnection('LoopStart', 'loopInput', 'Echo', 'text'),
                dataConnection('Echo', 'modelCompletion', 'Control', 'reply'),
                dataConnection('Echo', 'modelCompletion', 'Control', 'loopInput'),
                dataConnection('Echo', 'modelCompletion', 'Control', 'loopOutput'),
              ],
            },
          },
        },
      },
      { type: 'Output', name: 'FlowOutput', inputs: [{ name: 'document', type: 'String', expression: '$.data' }] },
    ],
    connections: [
      dataConnection('FlowInput', 'document', 'Echoes', 'loopInput'),
      dataConnection('Echoes', 'loopOutput', 'FlowOutput', 'document'),
    ],
  };
}

export const ECHO_ROLE = FLOW_ROLE;
