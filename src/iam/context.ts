/**
 * The request context: condition keys and their values. Key names are case-insensitive in IAM (including the tag
 * key in `aws:ResourceTag/Key`), so lookups go through a lower-cased index of the keys.
 */
export type ContextValue = string | number | boolean | readonly (string | number | boolean)[];
export type ContextValues = Readonly<Record<string, ContextValue>>;

/** A value as conditions see it: one string, or a set of strings for multivalued keys. */
export type KeyValue = string | readonly string[];

/** Built per request; the lower-cased index is made on the first lookup, so requests no condition reads stay cheap. */
export class RequestContext {
  private index: Map<string, string> | undefined;
  /** lower-cased key → the spelling of its first reader */
  private read: Map<string, string> | undefined;

  constructor(private readonly values: ContextValues) {}

  /** Looks a lower-cased key up, recording that it was read (as `spelling`, the policy's way of writing it). */
  get(lowerKey: string, spelling: string): KeyValue | undefined {
    this.read ??= new Map();
    if (!this.read.has(lowerKey)) this.read.set(lowerKey, spelling);
    const name = (this.index ??= indexKeys(this.values)).get(lowerKey);
    if (name === undefined) return undefined;
    const value = this.values[name] as ContextValue;
    return typeof value === 'string' ? value : Array.isArray(value) ? value.map(String) : String(value);
  }

  /** The keys conditions and policy variables asked for (present or not), as the context spells them. */
  keysRead(): string[] {
    if (!this.read) return [];
    const index = (this.index ??= indexKeys(this.values));
    return [...this.read].map(([lower, spelling]) => index.get(lower) ?? spelling);
  }
}

function indexKeys(values: ContextValues): Map<string, string> {
  const index = new Map<string, string>();
  for (const key in values) index.set(key.toLowerCase(), key);
  return index;
}
