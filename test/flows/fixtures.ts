/** Example definitions for the flow tests: the AWS documented flows and small builders. */
import type { FlowValidation, FlowValidationType } from '../../src/flows/index.js';

// Loose JSON on purpose: the tests also feed definitions the model would reject.
export type Json = any;

export const dataConnection = (
  source: string,
  sourceOutput: string,
  target: string,
  targetInput: string,
  name = `${source}_${target}_${targetInput}`,
) => ({
  name,
  source,
  target,
  type: 'Data',
  configuration: { data: { sourceOutput, targetInput } },
});

export const conditionalConnection = (source: string, condition: string, target: string, name = `${source}_${target}_${condition}`) => ({
  name,
  source,
  target,
  type: 'Conditional',
  configuration: { conditional: { condition } },
});

export const lambdaNode = (name: string, inputs: string[], fn = 'step') => ({
  type: 'LambdaFunction',
  name,
  configuration: { lambdaFunction: { lambdaArn: `arn:aws:lambda:us-east-1:123456789012:function:${fn}` } },
  inputs: inputs.map((input) => ({ name: input, type: 'Object', expression: '$.data' })),
  outputs: [{ name: 'functionResponse', type: 'Object' }],
});

/** The AWS code sample's playlist flow (https://docs.aws.amazon.com/bedrock/latest/userguide/flows-code-ex.html). */
export function playlistFlow(): Json {
  return {
    nodes: [
      { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] },
      {
        type: 'Prompt',
        name: 'MakePlaylist',
        configuration: {
          prompt: {
            sourceConfiguration: {
              inline: {
                modelId: 'amazon.nova-lite-v1:0',
                templateType: 'TEXT',
                inferenceConfiguration: { text: { temperature: 0.8 } },
                templateConfiguration: {
                  text: { text: 'Make me a {{genre}} playlist consisting of the following number of songs: {{number}}.' },
                },
              },
            },
          },
        },
        inputs: [
          { name: 'genre', type: 'String', expression: '$.data.genre' },
          { name: 'number', type: 'Number', expression: '$.data.number' },
        ],
        outputs: [{ name: 'modelCompletion', type: 'String' }],
      },
      { type: 'Output', name: 'FlowOutput', inputs: [{ name: 'document', type: 'String', expression: '$.data' }] },
    ],
    connections: [
      dataConnection('FlowInput', 'document', 'MakePlaylist', 'genre', 'FlowInput_MakePlaylist_genre'),
      dataConnection('FlowInput', 'document', 'MakePlaylist', 'number', 'FlowInput_MakePlaylist_number'),
      dataConnection('MakePlaylist', 'modelCompletion', 'FlowOutput', 'document', 'MakePlaylist_FlowOutput'),
    ],
  };
}

/** The user guide's flows-ex-condition flow: one condition node, three outputs picking from `action`. */
export function conditionFlow(): Json {
  const output = (name: string, index: number) => ({
    type: 'Output',
    name,
    inputs: [{ name: 'document', type: 'String', expression: `$.data.action[${index}]` }],
  });
  return {
    nodes: [
      { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Object' }] },
      {
        type: 'Condition',
        name: 'MyCondition',
        inputs: [
          { name: 'retailPrice', type: 'Number', expression: '$.data.retailPrice' },
          { name: 'marketPrice', type: 'Number', expression: '$.data.marketPrice' },
          { name: 'type', type: 'String', expression: '$.data.type' },
        ],
        configuration: {
          condition: {
            conditions: [
              { name: 'expensive', expression: '(retailPrice > 10) and (type == "produce")' },
              { name: 'goodDeal', expression: '(retailPrice < marketPrice)' },
              { name: 'default' },
            ],
          },
        },
      },
      output('ExpensiveOutput', 0),
      output('GoodDealOutput', 1),
      output('DefaultOutput', 2),
    ],
    connections: [
      dataConnection('FlowInput', 'document', 'MyCondition', 'retailPrice'),
      dataConnection('FlowInput', 'document', 'MyCondition', 'marketPrice'),
      dataConnection('FlowInput', 'document', 'MyCondition', 'type'),
      dataConnection('FlowInput', 'document', 'ExpensiveOutput', 'document'),
      dataConnection('FlowInput', 'document', 'GoodDealOutput', 'document'),
      dataConnection('FlowInput', 'document', 'DefaultOutput', 'document'),
      conditionalConnection('MyCondition', 'expensive', 'ExpensiveOutput'),
      conditionalConnection('MyCondition', 'goodDeal', 'GoodDealOutput'),
      conditionalConnection('MyCondition', 'default', 'DefaultOutput'),
    ],
  };
}

/** The user guide's iterator/collector pattern: describe each artist of an array, collect the descriptions. */
export function iteratorFlow(): Json {
  return {
    nodes: [
      { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: 'Array' }] },
      {
        type: 'Iterator',
        name: 'EachArtist',
        configuration: { iterator: {} },
        inputs: [{ name: 'array', type: 'Array', expression: '$.data' }],
        outputs: [
          { name: 'arrayItem', type: 'String' },
          { name: 'arraySize', type: 'Number' },
        ],
      },
      {
        type: 'Prompt',
        name: 'Describe',
        configuration: {
          prompt: {
            sourceConfiguration: {
              inline: {
                modelId: 'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
                templateType: 'TEXT',
                templateConfiguration: { text: { text: 'Describe the band {{artist}} in two sentences.' } },
              },
            },
          },
        },
        inputs: [{ name: 'artist', type: 'String', expression: '$.data' }],
        outputs: [{ name: 'modelCompletion', type: 'String' }],
      },
      {
        type: 'Collector',
        name: 'Gather',
        configuration: { collector: {} },
        inputs: [
          { name: 'arrayItem', type: 'String', expression: '$.data' },
          { name: 'arraySize', type: 'Number', expression: '$.data' },
        ],
        outputs: [{ name: 'collectedArray', type: 'Array' }],
      },
      { type: 'Output', name: 'FlowOutput', inputs: [{ name: 'document', type: 'Array', expression: '$.data' }] },
    ],
    connections: [
      dataConnection('FlowInput', 'document', 'EachArtist', 'array'),
      dataConnection('EachArtist', 'arrayItem', 'Describe', 'artist'),
      dataConnection('Describe', 'modelCompletion', 'Gather', 'arrayItem'),
      dataConnection('EachArtist', 'arraySize', 'Gather', 'arraySize'),
      dataConnection('Gather', 'collectedArray', 'FlowOutput', 'document'),
    ],
  };
}

/** What varies between the DoWhile loops of the tests; loopShell builds the rest the same way for all. */
export interface LoopShellOptions {
  loopName: string;
  /** The type of the value going round: the flow input, the loop input, LoopStart's output, the value returned to it. */
  valueType: 'Object' | 'String';
  /** The body's one node between LoopStart and Control: LoopStart feeds its `input`, its `output` feeds Control. */
  body: { node: Json; input: string; output: string };
  /** Control's continue condition and the LoopCondition input it reads. */
  condition: { name: string; expression: string; input: { name: string; type: string; expression: string } };
  /** What Control's ExitLoop input (a String) reads of the body's output. */
  exitExpression: string;
  /** `null` leaves the default (10). */
  maxIterations: number | null;
}

/** A DoWhile loop following the loop rule of node-types.ts: FlowInput → Loop (LoopStart → body → Control) → FlowOutput. */
export function loopShell({ loopName, valueType, body, condition, exitExpression, maxIterations }: LoopShellOptions): Json {
  return {
    nodes: [
      { type: 'Input', name: 'FlowInput', outputs: [{ name: 'document', type: valueType }] },
      {
        type: 'Loop',
        name: loopName,
        inputs: [{ name: 'loopInput', type: valueType, expression: '$.data' }],
        outputs: [{ name: 'loopOutput', type: 'String' }],
        configuration: {
          loop: {
            definition: {
              nodes: [
                {
                  type: 'LoopInput',
                  name: 'LoopStart',
                  configuration: { loopInput: {} },
                  outputs: [{ name: 'loopInput', type: valueType }],
                },
                body.node,
                {
                  type: 'LoopController',
                  name: 'Control',
                  configuration: {
                    loopController: {
                      continueCondition: { name: condition.name, expression: condition.expression },
                      ...(maxIterations === null ? {} : { maxIterations }),
                    },
                  },
                  inputs: [
                    { ...condition.input, category: 'LoopCondition' },
                    { name: 'loopInput', type: valueType, expression: '$.data', category: 'ReturnValueToLoopStart' },
                    { name: 'loopOutput', type: 'String', expression: exitExpression, category: 'ExitLoop' },
                  ],
                },
              ],
              connections: [
                dataConnection('LoopStart', 'loopInput', body.node.name, body.input),
                dataConnection(body.node.name, body.output, 'Control', condition.input.name),
                dataConnection(body.node.name, body.output, 'Control', 'loopInput'),
                dataConnection(body.node.name, body.output, 'Control', 'loopOutput'),
              ],
            },
          },
        },
      },
      { type: 'Output', name: 'FlowOutput', inputs: [{ name: 'document', type: 'String', expression: '$.data' }] },
    ],
    connections: [
      dataConnection('FlowInput', 'document', loopName, 'loopInput'),
      dataConnection(loopName, 'loopOutput', 'FlowOutput', 'document'),
    ],
  };
}

/**
 * Refine a draft until the step says it is done. The step is the Lambda function `stepFunction`; `maxIterations:
 * null` leaves the default (10).
 */
export function loopFlow({ stepFunction = 'step', loopName = 'Refine', maxIterations = 5 as number | null } = {}): Json {
  return loopShell({
    loopName,
    valueType: 'Object',
    body: { node: lambdaNode('Step', ['state'], stepFunction), input: 'state', output: 'functionResponse' },
    condition: { name: 'keepGoing', expression: 'done == false', input: { name: 'done', type: 'Boolean', expression: '$.data.done' } },
    exitExpression: '$.data.text',
    maxIterations,
  });
}

/**
 * A loop whose body echoes its String input through a Prompt node (the model rules' default is `echo`) and never
 * says stop: every round streams the value several times over when trace is on (loop input, prompt input, the
 * InvokeModel action's request and response, prompt output, controller inputs).
 */
export function echoLoopFlow(maxIterations: number): Json {
  const echo = {
    type: 'Prompt',
    name: 'Echo',
    configuration: {
      prompt: {
        sourceConfiguration: {
          inline: { modelId: 'amazon.nova-lite-v1:0', templateType: 'TEXT', templateConfiguration: { text: { text: '{{text}}' } } },
        },
      },
    },
    inputs: [{ name: 'text', type: 'String', expression: '$.data' }],
    outputs: [{ name: 'modelCompletion', type: 'String' }],
  };
  return loopShell({
    loopName: 'Echoes',
    valueType: 'String',
    body: { node: echo, input: 'text', output: 'modelCompletion' },
    condition: { name: 'again', expression: 'reply != "stop"', input: { name: 'reply', type: 'String', expression: '$.data' } },
    exitExpression: '$.data',
    maxIterations,
  });
}

export const loopBody = (flow: Json): Json => flow.nodes[1].configuration.loop.definition;
export const node = (definition: Json, name: string): Json => definition.nodes.find((n: Json) => n.name === name);
export const connection = (definition: Json, name: string): Json => definition.connections.find((c: Json) => c.name === name);
export const withoutNode = (definition: Json, name: string): void => {
  definition.nodes = definition.nodes.filter((n: Json) => n.name !== name);
  definition.connections = definition.connections.filter((c: Json) => c.source !== name && c.target !== name);
};

export const ofType = (validations: readonly FlowValidation[], type: FlowValidationType) => validations.filter((v) => v.type === type);
export const errors = (validations: readonly FlowValidation[]) => validations.filter((v) => v.severity === 'Error');
