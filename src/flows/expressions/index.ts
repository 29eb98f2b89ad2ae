export { MAX_EXPRESSION_LENGTH, parseExpression } from './parse.js';
export type { CompiledExpression, ExpressionParseResult, PathStep } from './parse.js';
export { evaluateExpression } from './evaluate.js';
export type { EvaluationResult } from './evaluate.js';
export { conformsTo, isFlowDataType, typeOfValue } from './data-types.js';
