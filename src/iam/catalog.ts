/**
 * What AWS defines: services, actions, resource types and condition keys (src/iam/generated/catalog.ts, generated
 * from the Service Authorization Reference). Action lists are unpacked per service on first use.
 */
import { Buffer } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { nearest } from './edit-distance.js';
import { GLOBAL_CONDITION_KEYS, SERVICE_ACTIONS, SERVICE_CONDITION_KEYS, SERVICE_DETAILS } from './generated/catalog.js';
import { compileGlob, matchGlobCodes, ONE, pushGlobCodes, STAR } from './wildcard.js';

export interface ActionResourceType {
  readonly name: string;
  readonly required: boolean;
  /** ARN template, e.g. `arn:${Partition}:bedrock:${Region}:${Account}:flow/${FlowId}` */
  readonly arn: string;
}

/**
 * A type's ARN templates: a type may have several formats, listed in `arn` with ", " (Lex's bot alias:
 * `bot-alias/ID/ALIAS` and `bot:NAME:ALIAS`). A type without a template gives `['']`.
 */
export function arnTemplates(type: ActionResourceType): string[] {
  return type.arn.split(', ');
}

/** lower-cased action name → canonical name, per service */
const unpacked = new Map<string, ReadonlyMap<string, string>>();

function actionsOf(service: string): ReadonlyMap<string, string> | undefined {
  let actions = unpacked.get(service);
  if (actions) return actions;
  const packed = Object.hasOwn(SERVICE_ACTIONS, service) ? SERVICE_ACTIONS[service] : undefined;
  if (packed === undefined) return undefined;
  const names = inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8').split(',');
  actions = new Map(names.map((name) => [name.toLowerCase(), name]));
  unpacked.set(service, actions);
  return actions;
}

function splitAction(action: string): [service: string, name: string] {
  const colon = action.indexOf(':');
  return colon < 0 ? [action.toLowerCase(), ''] : [action.slice(0, colon).toLowerCase(), action.slice(colon + 1)];
}

export function isKnownService(service: string): boolean {
  return Object.hasOwn(SERVICE_ACTIONS, service.toLowerCase());
}

/** `service:Action` in AWS's spelling, or undefined when no service defines it (case-insensitive lookup). */
export function canonicalAction(action: string): string | undefined {
  const [service, name] = splitAction(action);
  const canonical = actionsOf(service)?.get(name.toLowerCase());
  return canonical === undefined ? undefined : `${service}:${canonical}`;
}

export function isKnownAction(action: string): boolean {
  return canonicalAction(action) !== undefined;
}

/** Every defined action an Action pattern (`bedrock:Get*`) matches within its service. */
export function actionsMatching(pattern: string): string[] {
  const [service, name] = splitAction(pattern);
  const actions = actionsOf(service);
  if (!actions) return [];
  const matches = compileGlob(name.toLowerCase());
  return [...actions].filter(([lower]) => matches(lower)).map(([, canonical]) => `${service}:${canonical}`);
}

/** The defined action nearest to a misspelt one (`bedrock:DeleteFlowVersions` → `bedrock:DeleteFlowVersion`). */
export function nearestAction(action: string): string | undefined {
  const [service, name] = splitAction(action);
  const actions = actionsOf(service);
  const best = actions ? nearest(name, actions.values()) : undefined;
  return best === undefined ? undefined : `${service}:${best}`;
}

export function nearestService(service: string): string | undefined {
  return nearest(service, Object.keys(SERVICE_ACTIONS));
}

function detailOf(action: string): [entry: string | undefined, service: string] {
  const canonical = canonicalAction(action);
  if (canonical === undefined) return [undefined, ''];
  const [service, name] = splitAction(canonical);
  return [SERVICE_DETAILS[service]?.actions[name], service];
}

/**
 * The resource types an action can be authorized on, for the services evaluated in detail (bedrock, iam, kms,
 * lambda, lex, s3, sts); undefined for other or unknown actions. An empty list means the request resource is `*`.
 */
export function actionResourceTypes(action: string): readonly ActionResourceType[] | undefined {
  const [entry, service] = detailOf(action);
  if (entry === undefined) return undefined;
  const types = (entry.split('|')[0] as string).split(',').filter(Boolean);
  const templates = SERVICE_DETAILS[service]?.resourceTypes ?? {};
  return types.map((type) => {
    const name = type.replace(/\*$/, '');
    return { name, required: type.endsWith('*'), arn: templates[name] ?? '' };
  });
}

/** The condition keys an action supports (detailed services only). */
export function actionConditionKeys(action: string): readonly string[] | undefined {
  const [entry] = detailOf(action);
  return entry === undefined ? undefined : (entry.split('|')[1] ?? '').split(',').filter(Boolean);
}

let wildcardOnly: ReadonlySet<string> | undefined;

/** True for actions (of the detailed services) that have no resource type: they are authorized on `*`. */
export function isWildcardOnlyAction(action: string): boolean {
  wildcardOnly ??= new Set(
    Object.entries(SERVICE_DETAILS).flatMap(([service, detail]) =>
      Object.entries(detail.actions)
        .filter(([, entry]) => entry === '' || entry.startsWith('|'))
        .map(([name]) => `${service}:${name.toLowerCase()}`),
    ),
  );
  return wildcardOnly.has(action.toLowerCase());
}

/** The resource an action is authorized on: `*` for actions without a resource type, else the given one. */
export function evaluatedResource(action: string, resource: string): string {
  return isWildcardOnlyAction(action) ? '*' : resource;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Key names with `${TagKey}`, `<key>` or `tag-key` parts become patterns (the part stands for one or more
 * characters other than line breaks), matched by the linear-time glob of wildcard.ts since the key comes from a
 * policy.
 */
function keyMatcher(template: string): (key: string) => boolean {
  const parts = template.toLowerCase().split(/(\$\{[^}]*\}|<[^>]*>|\btag-key$)/);
  if (parts.length === 1) return (key) => key === parts[0];
  const codes: number[] = [];
  parts.forEach((part, i) => (i % 2 === 1 ? codes.push(ONE, STAR) : pushGlobCodes(codes, part, false)));
  return (key) => !LINE_BREAK.test(key) && matchGlobCodes(codes, key);
}

const serviceKeyMatchers = new Map<string, readonly ((key: string) => boolean)[]>();

/** True for global `aws:` keys and for keys the service defines (incl. `${TagKey}` patterns). */
export function isKnownConditionKey(key: string): boolean {
  const [service] = splitAction(key);
  if (service === 'aws') return true;
  let matchers = serviceKeyMatchers.get(service);
  if (!matchers) {
    const keys = Object.hasOwn(SERVICE_CONDITION_KEYS, service) ? (SERVICE_CONDITION_KEYS[service] as string) : '';
    matchers = keys.split('|').filter(Boolean).map(keyMatcher);
    serviceKeyMatchers.set(service, matchers);
  }
  const lower = key.toLowerCase();
  return matchers.some((matches) => matches(lower));
}

/** A key's value type (`String`, `ArrayOfString`, ...) when known: global keys and the detailed services' keys. */
export function conditionKeyType(key: string): string | undefined {
  const lower = key.toLowerCase();
  const [service] = splitAction(key);
  const table = service === 'aws' ? GLOBAL_CONDITION_KEYS : SERVICE_DETAILS[service]?.conditionKeys;
  for (const [template, type] of Object.entries(table ?? {})) if (keyMatcher(template)(lower)) return type;
  return undefined;
}
