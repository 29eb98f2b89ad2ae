/** The five flow data types of runtime values, as AWS checks node inputs and outputs against declarations. */
import type { FlowNodeIODataType } from '../definition.js';
import { FLOW_DATA_TYPES } from '../definition.js';

/** The data type of a JSON value; undefined for null and for anything JSON cannot carry. */
export function typeOfValue(value: unknown): FlowNodeIODataType | undefined {
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return Number.isFinite(value) ? 'Number' : undefined;
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'object' && value !== null) return 'Object';
  return undefined;
}

export function conformsTo(value: unknown, declaredType: FlowNodeIODataType): boolean {
  return typeOfValue(value) === declaredType;
}

export function isFlowDataType(value: unknown): value is FlowNodeIODataType {
  return (FLOW_DATA_TYPES as readonly unknown[]).includes(value);
}
