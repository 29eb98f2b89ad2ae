/**
 * A cheap lower estimate of a value's JSON size, without building the text: strings count their length, numbers
 * their longest form. JSON spends at most 6 bytes on one UTF-16 unit (`\u001f`; UTF-8 takes at most 3), so the real
 * size is at most 6 × the estimate: a record whose estimate is under a sixth of its cap is under the cap, and only
 * larger ones are measured exactly (cap-record.ts). Stops counting once past `limit`.
 */

/** Longest JSON number text (`-1.2345678901234567e-308`). */
const NUMBER_CHARS = 24;

export function jsonSizeEstimate(value: unknown, limit: number): number {
  let size = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && size <= limit) {
    const v = pending.pop();
    switch (typeof v) {
      case 'string':
        size += v.length + 2;
        break;
      case 'number':
        size += NUMBER_CHARS;
        break;
      case 'boolean':
        size += 5;
        break;
      case 'object':
        if (v === null) size += 4;
        else if (Array.isArray(v)) {
          size += 1 + v.length;
          if (size > limit) break; // a long array is over the limit without a walk through it
          for (const item of v) pending.push(item);
        } else {
          size += 1;
          for (const key in v) {
            const item = (v as Record<string, unknown>)[key];
            if (item === undefined) continue;
            size += key.length + 4;
            pending.push(item);
          }
        }
        break;
      default:
        break; // undefined and functions: JSON leaves them out
    }
  }
  return size;
}
