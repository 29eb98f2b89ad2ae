/**
 * Keeps one run record within its byte cap (docs/runs.md#bounds), so that a large flow input or a loop of large
 * values cannot make the ring of records hold much more than its size × cap. Cutting builds new objects: a record's
 * values are the run's own (a paused run's checkpoint still holds them), never edited in place.
 */
import { jsonSizeEstimate } from './json-size.js';
import type { RunNodeRecord, RunRecord } from './run-record.js';

/** What one record may hold as JSON. */
export const MAX_RECORD_BYTES = 256 * 1024;
/** A value larger than this (as JSON) is the first to be cut when a record is over its cap. */
const MAX_VALUE_CHARS = 8 * 1024;
const PREVIEW_CHARS = 512;

/** Where a value was cut: its size and the start of its JSON text. */
export interface TruncatedValue {
  readonly truncated: true;
  readonly bytes: number;
  readonly preview: string;
}

/** JSON spends at most this many bytes on one character the estimate counts (json-size.ts). */
const MAX_EXPANSION = 6;

/**
 * Sets `bytes`, and cuts values (then whole nodes' values, then nodes from the end) while the record is over `max`.
 * Most records are far under it: they are only estimated (no JSON text is built on the run's path), and `bytes` is
 * that estimate.
 */
export function capRecord(record: RunRecord, max = MAX_RECORD_BYTES): void {
  const estimate = jsonSizeEstimate(record, max / MAX_EXPANSION);
  if (estimate <= max / MAX_EXPANSION) {
    record.bytes = estimate;
    return;
  }
  let json = JSON.stringify(record);
  if (json.length > max) {
    record.truncated = true;
    for (const node of record.nodes) cutNodeValues(node, MAX_VALUE_CHARS);
    (record as { input: unknown }).input = cut(record.input, MAX_VALUE_CHARS);
    json = JSON.stringify(record);
    // Still over: the last nodes keep only their names, timing and errors, then go altogether.
    for (let i = record.nodes.length - 1; json.length > max && i >= 0; i--) {
      cutNodeValues(record.nodes[i]!, 0);
      json = JSON.stringify(record);
    }
    while (json.length > max && record.nodes.length > 0) {
      record.nodes.pop();
      json = JSON.stringify(record);
    }
  }
  record.bytes = Buffer.byteLength(json);
}

function cutNodeValues(node: RunNodeRecord, limit: number): void {
  node.inputs = cutEach(node.inputs, limit);
  node.outputs = cutEach(node.outputs, limit);
  node.calls = node.calls.map((call) => ({ ...call, request: cut(call.request, limit), response: cut(call.response, limit) }));
}

function cutEach(values: Record<string, unknown>, limit: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) out[name] = cut(value, limit);
  return out;
}

/**
 * The flow input as a new record keeps it: cut at once when large, so that neither the record of a running run nor
 * its `run-started` event carries a large input (the run itself still has it).
 */
export function cutInput(input: unknown): unknown {
  return cut(input, MAX_VALUE_CHARS);
}

function cut(value: unknown, limit: number): unknown {
  if (value === undefined || isTruncated(value)) return value;
  // Small by the estimate (a lower bound within 6×, json-size.ts): no JSON text needed to know it stays.
  if (jsonSizeEstimate(value, limit) * MAX_EXPANSION <= limit) return value;
  const json = JSON.stringify(value) ?? '';
  if (json.length <= limit) return value;
  const marker: TruncatedValue = { truncated: true, bytes: Buffer.byteLength(json), preview: json.slice(0, PREVIEW_CHARS) };
  return marker;
}

const isTruncated = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as Partial<TruncatedValue>).truncated === true && 'preview' in value;
