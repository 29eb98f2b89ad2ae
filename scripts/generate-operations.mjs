#!/usr/bin/env node
/**
 * Generates src/generated/{operations,shapes,types}.ts from the botocore service models of bedrock-agent and
 * bedrock-agent-runtime. The models stay outside the repository; only this script's output is committed.
 *
 *   node scripts/generate-operations.mjs [models-dir] [out-dir]
 *   (defaults: ../shared/reference/models from the repo root, and src/generated; tests write elsewhere to compare;
 *   CONTRIBUTING.md says how to get the models from botocore)
 *
 * What it writes:
 * - operations.ts: per in-scope operation its HTTP binding (method, exact URI template, success code), where each
 *   input member travels (path/query/header/body), the output's header/payload bindings and the declared errors.
 * - shapes.ts: every shape reachable from those inputs, with the constraints the emulator enforces.
 * - types.ts: TypeScript types for every operation's input and output (`CreateFlowInput`, `CreateFlowOutput`, …).
 *
 * Deliberate departures from the models (each one is listed in the generated header too):
 * - TaggableResourcesArn: the model's pattern is broken (`/d{12}` where `\d{12}` was meant, upper-case-only ids), so
 *   no real ARN matches it; it is replaced by a corrected pattern accepting the taggable Bedrock ARNs.
 * - FlowConnections: the model says max 20, the service takes 100 (CloudFormation: docs/behaviour.md#quotas).
 * - FlowConnectionName: the model allows 101 characters at most; the console generates (and the service stores)
 *   longer ones, so the same form is accepted up to 200 repetitions (docs/behaviour.md#identifiers).
 * Patterns: botocore keeps each pattern as AWS prints it in validation messages (bedrock-agent without `^…$`,
 * bedrock-agent-runtime with them), so that text is kept for messages, and the emulator matches the whole value
 * against it (`^(?:P)$`; Smithy patterns are searches, not full matches: docs/behaviour.md#model-patterns). Patterns
 * are Java regexes: `\s`/`\S` are rewritten to Java's ASCII whitespace set (JS's is Unicode-wide), and every result
 * must compile as a JS RegExp with the `u` flag (code-point semantics, like Java), or generation fails. Java-only
 * syntax a `u` RegExp would accept with another meaning (class intersection `&&`, nested classes, a leading `]`)
 * also fails generation. Java's `.` also excludes U+0085; JS's does not (kept: no pattern here depends on it).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = resolve(repoRoot, process.argv[2] ?? '../shared/reference/models');
const outDir = resolve(process.argv[3] ?? join(repoRoot, 'src/generated'));

const SERVICES = {
  'bedrock-agent': {
    file: 'bedrock-agent-2023-06-05.service-2.json',
    operations: [
      'CreateFlow',
      'GetFlow',
      'UpdateFlow',
      'DeleteFlow',
      'ListFlows',
      'PrepareFlow',
      'ValidateFlowDefinition',
      'CreateFlowVersion',
      'GetFlowVersion',
      'ListFlowVersions',
      'DeleteFlowVersion',
      'CreateFlowAlias',
      'GetFlowAlias',
      'UpdateFlowAlias',
      'ListFlowAliases',
      'DeleteFlowAlias',
      'TagResource',
      'UntagResource',
      'ListTagsForResource',
      'CreatePrompt',
      'GetPrompt',
      'UpdatePrompt',
      'ListPrompts',
      'DeletePrompt',
      'CreatePromptVersion',
      'CreateKnowledgeBase',
      'GetKnowledgeBase',
      'UpdateKnowledgeBase',
      'ListKnowledgeBases',
      'DeleteKnowledgeBase',
      'CreateAgent',
      'GetAgent',
      'UpdateAgent',
      'ListAgents',
      'DeleteAgent',
      'PrepareAgent',
      'GetAgentVersion',
      'ListAgentVersions',
      'CreateAgentAlias',
      'GetAgentAlias',
      'UpdateAgentAlias',
      'ListAgentAliases',
      'DeleteAgentAlias',
    ],
  },
  'bedrock-agent-runtime': {
    file: 'bedrock-agent-runtime-2023-07-26.service-2.json',
    operations: [
      'InvokeFlow',
      'StartFlowExecution',
      'StopFlowExecution',
      'GetFlowExecution',
      'ListFlowExecutions',
      'ListFlowExecutionEvents',
      'GetExecutionFlowSnapshot',
    ],
  },
};

const TAGGABLE_ARN_PATTERN =
  'arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:(' +
  '(agent|agent-alias|knowledge-base|flow|prompt)/[0-9a-zA-Z]{10}(/[0-9a-zA-Z]{10})?' +
  '|flow/[0-9a-zA-Z]{10}/alias/[0-9a-zA-Z]{10}' +
  '|prompt/[0-9a-zA-Z]{10}:[0-9]{1,5}' +
  '|session/[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})';

/** service → shape → constraint overrides. */
const OVERRIDES = {
  'bedrock-agent': {
    TaggableResourcesArn: { pattern: TAGGABLE_ARN_PATTERN, why: 'model pattern is broken (/d{12}); corrected' },
    FlowConnections: { max: 100, why: 'model max 20; the service takes 100 (docs/behaviour.md#quotas)' },
    FlowConnectionName: {
      pattern: '[a-zA-Z]([_]?[0-9a-zA-Z]){1,200}',
      why: 'model {1,100}; console-generated names are longer (docs/behaviour.md#identifiers)',
    },
  },
};

const fail = (message) => {
  console.error(`generate-operations: ${message}`);
  process.exit(1);
};

// ---------------------------------------------------------------------------------------------------------------
// Patterns

/** Java `\s` is ASCII whitespace only. */
const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';

/** Rewrites a Java pattern into JS `u`-flag syntax with the same meaning, or fails. */
function javaToJs(pattern, where) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      i++;
      if (next === 's') out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${JAVA_SPACE}]`;
      else if (next === 'S') fail(`${where}: \\S inside a character class is not supported: ${pattern}`);
      else out += c + next;
      continue;
    }
    if (inClass && c === '&' && pattern[i + 1] === '&') fail(`${where}: Java class intersection: ${pattern}`);
    if (inClass && c === '[') fail(`${where}: Java nested character class: ${pattern}`);
    if (c === '[' && /^\^?\]/.test(pattern.slice(i + 1))) fail(`${where}: leading ] in a character class: ${pattern}`);
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  const source = `^(?:${out})$`;
  try {
    new RegExp(source, 'u');
  } catch (error) {
    fail(`${where}: pattern does not compile as a JS RegExp (${error.message}): ${pattern}`);
  }
  return source;
}

// ---------------------------------------------------------------------------------------------------------------
// Models

const models = {};
const sources = [];
for (const [service, { file }] of Object.entries(SERVICES)) {
  const path = join(modelsDir, file);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    fail(`cannot read ${path}`);
  }
  models[service] = JSON.parse(text);
  const sha = createHash('sha256').update(text).digest('hex').slice(0, 16);
  sources.push(`${file} (uid ${models[service].metadata.uid}, sha256 ${sha}…)`);
}

const shapeOf = (service, name) => models[service].shapes[name] ?? fail(`${service}: unknown shape ${name}`);

/** The kind the emulator distinguishes; botocore marks unions and documents on `structure`. */
function kindOf(shape) {
  if (shape.type === 'structure') return shape.document ? 'document' : shape.union ? 'union' : 'structure';
  return shape.type;
}

/** Names of every shape reachable from `roots` (depth first, in member order). */
function reach(service, roots) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const shape = shapeOf(service, name);
    if (shape.members && !shape.document) for (const m of Object.values(shape.members)) visit(m.shape);
    if (shape.member) visit(shape.member.shape);
    if (shape.key) visit(shape.key.shape);
    if (shape.value) visit(shape.value.shape);
  };
  roots.forEach(visit);
  return seen;
}

// ---------------------------------------------------------------------------------------------------------------
// shapes.ts: the validation table

const INPUT_KINDS = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean', 'document', 'structure', 'union', 'list', 'map']);
const SCALAR_KINDS = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean']);
const applied = [];

function shapeSpec(service, name) {
  const shape = shapeOf(service, name);
  const override = OVERRIDES[service]?.[name];
  if (override) applied.push(`${service} ${name}: ${override.why}`);
  const kind = kindOf(shape);
  if (!INPUT_KINDS.has(kind)) fail(`${service} ${name}: input shapes of type ${kind} are not supported by the validator`);
  const spec = { type: kind };
  const min = override?.min ?? shape.min;
  const max = override?.max ?? shape.max;
  if (min !== undefined) spec.min = min;
  if (max !== undefined) spec.max = max;
  if (kind === 'string') {
    const pattern = override?.pattern ?? shape.pattern;
    if (pattern !== undefined) {
      spec.pattern = pattern;
      spec.regex = javaToJs(pattern, `${service} ${name}`);
    }
    if (shape.enum) spec.enum = shape.enum;
  }
  if (kind === 'list') spec.member = shape.member.shape;
  if (kind === 'map') {
    spec.key = shape.key.shape;
    spec.value = shape.value.shape;
    const valueKind = kindOf(shapeOf(service, spec.value));
    // Coral reports map entries as one "Map value must satisfy constraint" per map; nested values have no path.
    if (!SCALAR_KINDS.has(valueKind) && valueKind !== 'document') fail(`${service} ${name}: map of ${valueKind}`);
  }
  if (kind === 'structure' || kind === 'union') {
    const required = new Set(shape.required ?? []);
    spec.members = Object.entries(shape.members).map(([member, ref]) =>
      required.has(member) ? { name: member, shape: ref.shape, required: true } : { name: member, shape: ref.shape },
    );
  }
  if (shape.sensitive) spec.sensitive = true;
  return spec;
}

/** What the validator can parse out of a path label or query value. */
const TEXT_KINDS = new Set(['string', 'integer', 'long', 'boolean']);
const LOCATIONS = { uri: 'path', querystring: 'query', header: 'header' };

function boundMember(service, structure, member, wire) {
  const ref = structure.members[member];
  const shape = shapeOf(service, ref.shape);
  const list = shape.type === 'list';
  const type = kindOf(list ? shapeOf(service, shape.member.shape) : shape);
  const required = (structure.required ?? []).includes(member);
  return { wire, member, shape: ref.shape, type, list, required };
}

const operations = [];
const shapeTables = {};
for (const [service, { operations: names }] of Object.entries(SERVICES)) {
  const model = models[service];
  const inputRoots = [];
  for (const name of names) {
    const op = model.operations[name] ?? fail(`${service}: no operation ${name}`);
    const input = { path: [], query: [], header: [], body: [] };
    const inputShape = op.input?.shape;
    if (inputShape) {
      inputRoots.push(inputShape);
      const structure = shapeOf(service, inputShape);
      if (structure.payload) fail(`${name}: input payload members are not supported`);
      for (const [member, ref] of Object.entries(structure.members)) {
        const where = ref.location ? LOCATIONS[ref.location] : 'body';
        if (!where) fail(`${name}.${member}: unsupported location ${ref.location}`);
        input[where].push(boundMember(service, structure, member, ref.locationName ?? member));
      }
      // The validator reads path, query and body only; a header-bound input would be silently dropped.
      if (input.header.length) fail(`${name}: header-bound input members are not supported by the validator`);
      for (const m of [...input.path, ...input.query]) {
        if (!TEXT_KINDS.has(m.type)) fail(`${name}.${m.member}: ${m.type} in a path/query string is not supported`);
      }
    }
    const output = { header: [] };
    if (op.output) {
      const structure = shapeOf(service, op.output.shape);
      for (const [member, ref] of Object.entries(structure.members)) {
        if (ref.location === 'header') output.header.push(boundMember(service, structure, member, ref.locationName));
        else if (ref.location) fail(`${name}.${member}: unsupported output location ${ref.location}`);
      }
      if (structure.payload) {
        output.payload = structure.payload;
        if (shapeOf(service, structure.members[structure.payload].shape).eventstream) output.eventStream = true;
      }
    }
    operations.push({
      name,
      service,
      method: op.http.method,
      uri: op.http.requestUri,
      successCode: op.http.responseCode ?? 200,
      inputShape: inputShape ?? null,
      input,
      output,
      errors: (op.errors ?? []).map((e) => e.shape),
    });
  }
  shapeTables[service] = Object.fromEntries([...reach(service, inputRoots)].sort().map((n) => [n, shapeSpec(service, n)]));
}
for (const [service, overrides] of Object.entries(OVERRIDES)) {
  for (const name of Object.keys(overrides)) {
    if (!shapeTables[service][name]) fail(`override for ${service} ${name}: shape is not reachable from any input`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// types.ts: TypeScript types for inputs and outputs

/**
 * One TS type name per (service, shape): operation inputs/outputs are `<Op>Input`/`<Op>Output`; other structures and
 * enums keep their shape name, except that a name both services use for different shapes gets a `Runtime` prefix.
 */
function typeNames() {
  const named = {}; // service → shape names that become named types (in emission order)
  const names = {}; // service → shape name → TS name
  for (const [service, { operations: ops }] of Object.entries(SERVICES)) {
    names[service] = new Map();
    const roots = [];
    for (const op of ops) {
      for (const [suffix, ref] of [
        ['Input', models[service].operations[op].input],
        ['Output', models[service].operations[op].output],
      ]) {
        if (!ref) continue;
        if (names[service].has(ref.shape)) fail(`${service} ${ref.shape} is the input/output of two operations`);
        names[service].set(ref.shape, `${op}${suffix}`);
        roots.push(ref.shape);
      }
    }
    named[service] = [...reach(service, roots)].filter((n) => {
      const shape = shapeOf(service, n);
      return (shape.type === 'structure' && !shape.document) || (shape.type === 'string' && shape.enum);
    });
    for (const n of named[service]) if (!names[service].has(n)) names[service].set(n, n);
  }
  // Bodies depend on referenced names, so settle prefixes until nothing changes.
  const agent = new Set(named['bedrock-agent']);
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of named['bedrock-agent-runtime']) {
      if (!agent.has(n) || names['bedrock-agent-runtime'].get(n) !== n) continue;
      if (typeBody('bedrock-agent', n, names) !== typeBody('bedrock-agent-runtime', n, names)) {
        names['bedrock-agent-runtime'].set(n, `Runtime${n}`);
        changed = true;
      }
    }
  }
  return { named, names, agent };
}

const q = (s) => `'${s}'`;
const prop = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

function typeRef(service, name, names) {
  const shape = shapeOf(service, name);
  if (names[service].has(name)) return names[service].get(name);
  switch (shape.type) {
    case 'string':
    case 'timestamp': // ISO 8601 strings on the wire (timestampFormat iso8601)
    case 'blob': // base64 in JSON
      return 'string';
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'structure':
      return 'unknown'; // documents
    case 'list': {
      const item = typeRef(service, shape.member.shape, names);
      return /^[\w$]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case 'map':
      return `Record<string, ${typeRef(service, shape.value.shape, names)}>`;
    default:
      return fail(`${service} ${name}: no TS type for ${shape.type}`);
  }
}

function typeBody(service, name, names) {
  const shape = shapeOf(service, name);
  if (shape.type === 'string') return shape.enum.map(q).join(' | ');
  const required = new Set(shape.required ?? []);
  const members = Object.entries(shape.members).map(
    ([m, ref]) => `${prop(m)}${required.has(m) ? '' : '?'}: ${typeRef(service, ref.shape, names)};`,
  );
  return members.length ? `{ ${members.join(' ')} }` : 'Record<string, never>';
}

function emitTypes() {
  const { named, names, agent } = typeNames();
  const declared = new Set();
  const declare = (service, shapeName) => {
    const typeName = names[service].get(shapeName);
    if (declared.has(typeName)) fail(`TS type name collision: ${typeName}`);
    declared.add(typeName);
    const body = typeBody(service, shapeName, names);
    const isInterface = shapeOf(service, shapeName).type === 'structure' && body !== 'Record<string, never>';
    return isInterface ? `export interface ${typeName} ${body}` : `export type ${typeName} = ${body};`;
  };
  const opLines = [];
  const map = { Input: [], Output: [] };
  for (const op of operations) {
    const model = models[op.service].operations[op.name];
    for (const suffix of ['Input', 'Output']) {
      const ref = suffix === 'Input' ? model.input : model.output;
      if (!ref) fail(`${op.name} has no ${suffix.toLowerCase()} shape`);
      opLines.push(declare(op.service, ref.shape));
      map[suffix].push(`  ${op.name}: ${op.name}${suffix};`);
    }
  }
  const shapeLines = [];
  for (const service of Object.keys(named)) {
    for (const n of [...named[service]].sort()) {
      const typeName = names[service].get(n);
      if (declared.has(typeName) && /(Input|Output)$/.test(typeName) && typeName !== n) continue; // operation roots
      // A runtime shape identical to the agent one is declared once.
      if (service === 'bedrock-agent-runtime' && typeName === n && agent.has(n)) continue;
      shapeLines.push(declare(service, n));
    }
  }
  return [
    ...opLines,
    '',
    '/** Operation name → the validated input handed to its handler. */',
    'export interface OperationInputs {',
    ...map.Input,
    '}',
    '',
    '/** Operation name → what its handler produces (header- and payload-bound members by member name). */',
    'export interface OperationOutputs {',
    ...map.Output,
    '}',
    '',
    '// Shapes. Unions have exactly one member set; timestamps are ISO 8601 strings; documents are any JSON value.',
    ...shapeLines,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const header = (what) =>
  [
    `// GENERATED by scripts/generate-operations.mjs — do not edit; re-run the script instead.`,
    `// ${what}`,
    `// Sources (botocore service models, read from outside the repository at generation time):`,
    ...sources.map((s) => `//   ${s}`),
    '',
  ].join('\n');

const json = (value) => JSON.stringify(value);

const operationsTs = [
  header('In-scope operations: HTTP bindings, where each input member travels, declared errors.'),
  `import type { OperationInputs } from './types.js';`,
  '',
  `export type ServiceName = 'bedrock-agent' | 'bedrock-agent-runtime';`,
  `export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';`,
  `export type OperationName = keyof OperationInputs;`,
  `export type MemberType =`,
  `  | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob' | 'document'`,
  `  | 'structure' | 'union' | 'list' | 'map';`,
  '',
  '/** One input/output member bound to the HTTP request or response. */',
  'export interface BoundMember {',
  '  /** Path label, query key, header name or JSON key. */',
  '  readonly wire: string;',
  '  /** Model member name (the key in the validated input / handler output). */',
  '  readonly member: string;',
  '  /** Shape name in SHAPES[service] (for inputs). */',
  '  readonly shape: string;',
  "  /** The member's type, or its elements' type when `list`. */",
  '  readonly type: MemberType;',
  '  readonly list: boolean;',
  '  readonly required: boolean;',
  '}',
  '',
  'export interface OperationSpec {',
  '  readonly name: OperationName;',
  '  readonly service: ServiceName;',
  '  readonly method: HttpMethod;',
  '  /** Exact URI template from the model; trailing slashes are significant. */',
  '  readonly uri: string;',
  '  readonly successCode: number;',
  '  readonly inputShape: string | null;',
  '  readonly input: {',
  '    readonly path: readonly BoundMember[];',
  '    readonly query: readonly BoundMember[];',
  '    readonly header: readonly BoundMember[];',
  '    readonly body: readonly BoundMember[];',
  '  };',
  '  readonly output: {',
  '    readonly header: readonly BoundMember[];',
  '    /** Member that is the whole response body (InvokeFlow: `responseStream`). */',
  '    readonly payload?: string;',
  '    /** The payload is an AWS event stream. */',
  '    readonly eventStream?: true;',
  '  };',
  '  /** Error shapes the operation declares. */',
  '  readonly errors: readonly string[];',
  '}',
  '',
  'export const OPERATIONS: { readonly [N in OperationName]: OperationSpec } = {',
  ...operations.map((op) => `  ${op.name}: ${json(op)},`),
  '};',
  '',
].join('\n');

const shapesTs = [
  header('Every shape reachable from the in-scope operation inputs, with the constraints the emulator enforces.'),
  '// Overrides of the models:',
  ...applied.map((a) => `//   ${a}`),
  '// `pattern` is the text AWS prints in validation messages; `regex` is the full-match JS source (compile with `u`).',
  `import type { ServiceName } from './operations.js';`,
  '',
  'interface Common {',
  '  /** Values inside a sensitive shape are not echoed in validation messages. */',
  '  readonly sensitive?: true;',
  '}',
  '',
  'export interface MemberSpec {',
  '  readonly name: string;',
  '  readonly shape: string;',
  '  readonly required?: true;',
  '}',
  '',
  'export type ShapeSpec = Common &',
  '  (',
  `    | { readonly type: 'string'; readonly min?: number; readonly max?: number; readonly pattern?: string; readonly regex?: string; readonly enum?: readonly string[] }`,
  `    | { readonly type: 'integer' | 'long' | 'float' | 'double'; readonly min?: number; readonly max?: number }`,
  `    | { readonly type: 'boolean' | 'document' }`,
  `    | { readonly type: 'list'; readonly member: string; readonly min?: number; readonly max?: number }`,
  `    | { readonly type: 'map'; readonly key: string; readonly value: string; readonly min?: number; readonly max?: number }`,
  `    | { readonly type: 'structure' | 'union'; readonly members: readonly MemberSpec[] }`,
  '  );',
  '',
  'export const SHAPES: { readonly [S in ServiceName]: { readonly [shape: string]: ShapeSpec } } = {',
  ...Object.entries(shapeTables).flatMap(([service, table]) => [
    `  '${service}': {`,
    ...Object.entries(table).map(([n, spec]) => `    ${n}: ${json(spec)},`),
    '  },',
  ]),
  '};',
  '',
].join('\n');

const typesTs = [header("TypeScript types of every in-scope operation's input and output."), emitTypes(), ''].join('\n');

mkdirSync(outDir, { recursive: true });
for (const [file, text] of [
  ['operations.ts', operationsTs],
  ['shapes.ts', shapesTs],
  ['types.ts', typesTs],
]) {
  writeFileSync(join(outDir, file), text);
  console.log(`wrote ${relative(repoRoot, join(outDir, file))} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)`);
}
