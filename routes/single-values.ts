/** An admin query string read one value per key, for endpoints whose parameters each name one thing. */

/** A repeated query parameter (`?flow=a&flow=b`) is ambiguous: its first value counts. */
export function singleValues<Q extends object>(query: Q): { [K in keyof Q]?: string } {
  return Object.fromEntries(Object.entries(query ?? {}).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)])) as {
    [K in keyof Q]?: string;
  };
}
