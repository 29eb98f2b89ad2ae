/**
 * The architecture's folder rules, checked over the import statements of src/ and routes/ (`npm run lint`).
 * Biome lints one file at a time, so it cannot see that two folders import each other; this builds the graph of
 * top-level folders (src/iam, src/flows, …, routes; each file directly in src/ is a node of its own, and so is each
 * file of `ownNodes`) and fails on
 *   - a cycle between folders, counting type-only imports too: they order nothing at run time, but a folder that
 *     needs another's types cannot be read, changed or tested without it;
 *   - an import a rule below forbids, e.g. fastify in a domain folder.
 *
 *   node --import tsx scripts/check-layers.ts [ROOT]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One import statement: what it names (a package, or a repo-relative path) and whether it survives compilation. */
export interface ImportRef {
  readonly specifier: string;
  /** Repo-relative target for `./` and `../` specifiers; the specifier itself for packages. */
  readonly target: string;
  readonly typeOnly: boolean;
}

/** A forbidden import: files under `from` must not import targets matching `to` (path or package prefixes). */
export interface ImportRule {
  readonly from: readonly string[];
  /** Files under these prefixes are not bound by the rule (e.g. the folder that owns the target). */
  readonly fromExcept?: readonly string[];
  readonly to: readonly string[];
  /** Targets under these prefixes stay allowed (e.g. a folder importing itself). */
  readonly except?: readonly string[];
  /** When false, `import type` is allowed: the rule is about what runs. */
  readonly evenTypes: boolean;
  readonly why: string;
}

export interface LayerConfig {
  /** Folders scanned, repo-relative. */
  readonly roots: readonly string[];
  readonly rules: readonly ImportRule[];
  /**
   * Files that are a node of their own though they sit in a folder: leaves that folders below their own read (a
   * rule keeps each one a leaf). Repo-relative `.ts` paths.
   */
  readonly ownNodes?: readonly string[];
  /** Known folder cycles, each as its sorted member list; lint passes while they exist, and fails once they are gone. */
  readonly allowedCycles: readonly (readonly string[])[];
}

const FASTIFY = ['fastify', '@fastify'];
/** The fixture format: world records, identities and fake models are typed by it (src/world/universe.ts). */
const FIXTURE_SCHEMA = 'src/fixtures/schema.ts';

export const LAYERS: LayerConfig = {
  roots: ['src', 'routes'],
  ownNodes: [FIXTURE_SCHEMA],
  rules: [
    {
      from: [FIXTURE_SCHEMA],
      to: ['src', 'routes'],
      except: ['src/generated'],
      evenTypes: true,
      why: 'the fixture format is a leaf (typebox and the generated API types): world, access and fakes read its types',
    },
    {
      from: ['src/iam', 'src/flows', 'src/world'],
      to: FASTIFY,
      evenTypes: true,
      why: 'domain code never imports fastify: src/server adapts the HTTP framework to the domain',
    },
    {
      from: ['src/iam'],
      to: ['src', 'routes'],
      except: ['src/iam'],
      evenTypes: true,
      why: 'src/iam is a leaf: policy parsing and evaluation depend on nothing else of the emulator',
    },
    {
      from: ['routes'],
      to: ['src/iam', 'src/access', 'src/flows'],
      evenTypes: false,
      why: 'routes are tables (operation, action, resource, handler): they never evaluate policies or walk flow graphs',
    },
    {
      from: ['src', 'routes'],
      fromExcept: ['src/flows'],
      to: ['src/flows/executor'],
      evenTypes: true,
      why: 'the executor has one public face, src/flows/index.ts: nothing outside src/flows reaches into it',
    },
    {
      from: ['src/operations'],
      to: ['src/server', 'fastify', '@fastify'],
      evenTypes: true,
      why: 'operations return values, never wire formats: the server frames them (src/server/invoke-flow-stream.ts)',
    },
  ],
  // No folder cycle is allowed, counting type-only imports: the last value cycles (routes ↔ server, protocol ↔ world)
  // went with issue 15 item 4, the type-level one through world, flows, fakes, access and fixtures with item 2.
  allowedCycles: [],
};

/** `a` is `prefix` or lies under it, by whole path segments (`src/flows` covers `src/flows/x.ts`, not `src/flowsy`). */
function under(a: string, prefix: string): boolean {
  return a === prefix || a.startsWith(`${prefix}/`);
}

/** The node of the folder graph a repo-relative path belongs to, or undefined outside the scanned roots. */
export function layerOf(path: string, config: Pick<LayerConfig, 'roots' | 'ownNodes'> = LAYERS): string | undefined {
  const { roots, ownNodes = [] } = config;
  const source = path.replace(/\.js$/, '.ts'); // `./schema.js` names `schema.ts`
  if (ownNodes.includes(source)) return source;
  const parts = path.split('/');
  const [root, second] = parts;
  if (root === undefined || !roots.includes(root)) return undefined;
  if (parts.length === 1 || root !== 'src') return root;
  // A file directly in src/ (emulator.ts, index.ts, …) is its own node; `./emulator.js` names `emulator.ts`.
  return parts.length === 2 ? `src/${second!.replace(/\.js$/, '.ts')}` : `src/${second}`;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x.js'` runs x
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    !clause.name &&
    named !== undefined &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The imports of one file: static imports and re-exports, and `import('literal')` anywhere in it. */
export function importsOf(file: string, text: string): ImportRef[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const refs: ImportRef[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const target = specifier.startsWith('.') ? posix.join(posix.dirname(file), specifier) : specifier;
    refs.push({ specifier, target, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, isTypeOnlyImport(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, isTypeOnlyExport(node));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

/** Every .ts file under the roots, repo-relative with `/` separators. */
export function sourceFiles(rootDir: string, roots: readonly string[]): string[] {
  const files: string[] = [];
  for (const root of roots) {
    for (const entry of readdirSync(join(rootDir, root), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      files.push(relative(rootDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
    }
  }
  return files.sort();
}

/** Strongly connected components of more than one node (Tarjan), each sorted, in a stable order. */
export function folderCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) connect(v);
  return cycles.sort((a, b) => a.join().localeCompare(b.join()));
}

/** What is wrong with the tree at `rootDir`, one message per problem; empty when the rules hold. */
export function checkLayers(rootDir: string, config: LayerConfig = LAYERS): string[] {
  const problems: string[] = [];
  const edges = new Map<string, Set<string>>();
  /** One file that makes each folder edge, to name in a cycle report. */
  const witness = new Map<string, string>();
  for (const file of sourceFiles(rootDir, config.roots)) {
    const from = layerOf(file, config)!;
    for (const ref of importsOf(file, readFileSync(join(rootDir, file), 'utf8'))) {
      for (const rule of config.rules) {
        if (!rule.from.some((f) => under(file, f)) || rule.fromExcept?.some((f) => under(file, f))) continue;
        if (ref.typeOnly && !rule.evenTypes) continue;
        if (rule.to.some((t) => under(ref.target, t)) && !rule.except?.some((e) => under(ref.target, e))) {
          problems.push(`${file} imports '${ref.specifier}': ${rule.why}.`);
        }
      }
      const to = layerOf(ref.target, config);
      if (to === undefined || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
      if (!witness.has(`${from} ${to}`)) witness.set(`${from} ${to}`, `${file} → ${ref.specifier}`);
    }
  }
  const allowed = new Set(config.allowedCycles.map((c) => [...c].sort().join(' ')));
  const found = folderCycles(edges);
  for (const cycle of found) {
    if (allowed.has(cycle.join(' '))) continue;
    const inside = cycle.flatMap((a) =>
      cycle.filter((b) => edges.get(a)?.has(b)).map((b) => `    ${a} → ${b}  (${witness.get(`${a} ${b}`)})`),
    );
    problems.push(`Import cycle between folders ${cycle.join(', ')}:\n${inside.join('\n')}`);
  }
  const present = new Set(found.map((c) => c.join(' ')));
  for (const cycle of allowed) {
    if (!present.has(cycle))
      problems.push(`The allowed cycle ${cycle.split(' ').join(', ')} no longer exists: remove it from allowedCycles.`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkLayers(root);
  for (const problem of problems) console.error(`check-layers: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log(`check-layers: folder rules hold (${LAYERS.roots.join(', ')})`);
}
