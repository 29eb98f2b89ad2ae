export { parseCondition, MAX_CONDITION_LENGTH } from './parser.js';
export type { CompiledCondition, ConditionInput, ConditionParseResult } from './parser.js';
export { chooseCondition, DEFAULT_CONDITION, evaluateCondition } from './evaluate.js';
export { printCondition } from './ast.js';
export type { ConditionAst } from './ast.js';
export type { RelationalOperator } from './lexer.js';
