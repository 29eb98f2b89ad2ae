/**
 * What IAM reports as `The policy failed legacy parsing`: an Effect not spelled exactly `Allow`/`Deny`, and Date
 * condition values that are neither an ISO 8601 date-time nor epoch seconds.
 */
import { parseOperator } from '../conditions/operator.js';
import type { RawObject } from './raw.js';

export const LEGACY_ERROR = 'The policy failed legacy parsing';

const EPOCH_MAX = 9223372036854775807n;
const YEAR_MIN = -292275054;
const YEAR_MAX = 292278993;
const INTEGER = /^\s*\+?\d+\s*$/;
const DATE = /^(-?)(\d+)(?:-(\d+))?(?:-(\d+))?$/;
const TIME = /^(\d+)(?::(\d+)(?::(\d+)(?:\.(\d+))?(z|[+-](\d\d)(?::(\d\d))?)?)?)?$/;

/** True when a statement passes the legacy parser's checks on Effect and Date values. */
export function passesLegacyStatementChecks(statement: RawObject): boolean {
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return false;
  const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
  for (const [operator, block] of Object.entries(condition)) {
    if (!parseOperator(operator).base.startsWith('Date')) continue;
    for (const value of Object.values(block)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (!isLegacyDate(String(item))) return false;
      }
    }
  }
  return true;
}

export function isLegacyDate(value: string): boolean {
  const lower = value.toLowerCase();
  if (!lower.includes('t') && !lower.includes('-')) return INTEGER.test(value) && BigInt(value.trim()) <= EPOCH_MAX;
  const split = lower.indexOf('t');
  const datePart = split < 0 ? lower : lower.slice(0, split);
  const timePart = split < 0 ? '' : lower.slice(split + 1);
  return isLegacyDatePart(datePart) && (timePart === '' || isLegacyTimePart(timePart));
}

function isLegacyDatePart(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const year = Number(match[2]) * (match[1] ? -1 : 1);
  return year >= YEAR_MIN && year <= YEAR_MAX && inRange(match[3], 1, 12) && inRange(match[4], 1, 31);
}

function isLegacyTimePart(text: string): boolean {
  const match = TIME.exec(text);
  if (!match) return false;
  const [, hours, minutes, seconds, fraction, , zoneHours, zoneMinutes] = match;
  return (
    inRange(hours, 0, 23) &&
    inRange(minutes, 0, 59) &&
    inRange(seconds, 0, 59) &&
    inRange(fraction, 0, 999999999) &&
    inRange(zoneHours, 0, 23) &&
    inRange(zoneMinutes, 0, 59)
  );
}

/** An absent part is in range; a present one must be an integer within [min, max]. */
function inRange(digits: string | undefined, min: number, max: number): boolean {
  if (digits === undefined) return true;
  const value = Number(digits);
  return value >= min && value <= max;
}
