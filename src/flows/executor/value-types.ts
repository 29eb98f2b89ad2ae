/** Naming a value's data type in messages: "a String", "an Object", "null". */
import type { FlowNodeIODataType } from '../definition.js';
import { typeOfValue } from '../expressions/index.js';

export const withArticle = (type: FlowNodeIODataType) => `${type === 'Object' || type === 'Array' ? 'an' : 'a'} ${type}`;

export function describeValue(value: unknown): string {
  const type = typeOfValue(value);
  if (type) return withArticle(type);
  return value === null ? 'null' : 'no value';
}
