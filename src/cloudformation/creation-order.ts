/**
 * The order CloudFormation creates resources in: a resource after everything it names with Ref, Fn::GetAtt, a
 * Fn::Sub variable or DependsOn (docs: aws-attribute-dependson.html). A cycle is an error, as CloudFormation's
 * "Circular dependency between resources" is.
 */
import { callOf, subNames } from './intrinsics.js';
import { isObject, TemplateError } from './template-error.js';

/** The logical ids `value` refers to, each with the path it is referred from. */
export function referencesIn(value: unknown, path: string, out: Map<string, string> = new Map()): Map<string, string> {
  const call = callOf(value);
  if (call) {
    const [name, arg] = call;
    const at = `${path}.${name}`;
    if (name === 'Ref' && typeof arg === 'string') remember(out, arg, at);
    else if (name === 'Fn::GetAtt') {
      const id = typeof arg === 'string' ? arg.split('.')[0] : Array.isArray(arg) ? arg[0] : undefined;
      if (typeof id === 'string') remember(out, id, at);
      else referencesIn(arg, at, out);
    } else if (name === 'Fn::Sub') {
      const [source, variables] = Array.isArray(arg) ? arg : [arg];
      if (typeof source === 'string') for (const id of subNames(source, isObject(variables) ? variables : {})) remember(out, id, at);
      if (variables !== undefined) referencesIn(variables, `${at}[1]`, out);
    } else referencesIn(arg, at, out);
    return out;
  }
  if (Array.isArray(value)) value.forEach((item, i) => referencesIn(item, `${path}[${i}]`, out));
  else if (isObject(value)) for (const [key, member] of Object.entries(value)) referencesIn(member, `${path}.${key}`, out);
  return out;
}

function remember(out: Map<string, string>, id: string, at: string): void {
  if (!id.startsWith('AWS::') && !out.has(id)) out.set(id, at);
}

/**
 * Logical ids in creation order. `dependsOn(id)` lists what `id` needs (only other resources); ties keep the
 * template's order, so a template without references is created top to bottom.
 */
export function creationOrder(ids: readonly string[], dependsOn: (id: string) => string[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      throw new TemplateError(`Resources.${id}`, `circular dependency between resources: ${cycle.join(' → ')}`);
    }
    state.set(id, 'visiting');
    for (const needed of dependsOn(id)) visit(needed, [...trail, id]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of ids) visit(id, []);
  return order;
}
