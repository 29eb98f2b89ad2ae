/** `{{name}}` placeholders, as prompt templates and fixture completions use them. */

const VARIABLE = /\{\{([0-9a-zA-Z_-]+)\}\}/g;

/** Strings go in as they are; other values as JSON (a Number input renders as `3`). */
export function templateValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fills every placeholder that has a value; the others stay as written. */
export function renderTemplate(text: string, values: Readonly<Record<string, unknown>>): string {
  return text.replace(VARIABLE, (placeholder, name: string) => (Object.hasOwn(values, name) ? templateValue(values[name]) : placeholder));
}
