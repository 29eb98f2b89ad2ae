/**
 * The layering the code review (code review 2026-12 §3.6) asked for, checked over the import statements of src/
 * and routes/: no value-import cycle between folders, the executor reached only through src/flows/index.ts, and
 * operations that know nothing of the server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import t from 'tap';

const ROOT = resolve(import.meta.dirname, '../..');

interface Edge {
  readonly from: string;
  readonly to: string;
  /** Erased at compile time: `import type`, or every imported name marked `type`. */
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:([^;]*?)\s+from\s+)?'(\.[^']+)'/gm;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const names = m[2]?.match(/^\{([^}]*)\}$/s)?.[1]?.split(',').map((n) => n.trim()).filter(Boolean);
    const typeOnly = m[1] !== undefined || (names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type ')));
    const to = relative(ROOT, resolve(ROOT, dirname(file), m[3]!)).replace(/\.js$/, '.ts');
    return { from: file, to, typeOnly };
  });
}

/** routes, src/<folder>, or a file directly in src/ (src/emulator.ts, src/immutable.ts …). */
function folderOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'routes' ? 'routes' : parts.length > 2 ? `src/${parts[1]}` : file;
}

const edges = [...sourceFiles('src'), ...sourceFiles('routes')].flatMap(edgesOf);

t.test('no two folders import values from each other, directly or round about', async (t) => {
  const next = new Map<string, Set<string>>();
  for (const { from, to, typeOnly } of edges) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (typeOnly || a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    next.get(a)!.add(b);
  }
  const reaches = (start: string, goal: string): boolean => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const folder = stack.pop()!;
      if (folder === goal) return true;
      if (seen.has(folder)) continue;
      seen.add(folder);
      stack.push(...(next.get(folder) ?? []));
    }
    return false;
  };
  const cycles = edges
    .filter((e) => !e.typeOnly && folderOf(e.from) !== folderOf(e.to) && reaches(folderOf(e.to), folderOf(e.from)))
    .map((e) => `${e.from} -> ${e.to}`);
  t.same(cycles, [], 'imports that close a cycle between folders');
});

t.test('outside src/flows, the executor is used only through src/flows/index.ts', async (t) => {
  const deep = edges.filter((e) => !e.from.startsWith('src/flows/') && e.to.startsWith('src/flows/executor/'));
  t.same(deep.map((e) => `${e.from} -> ${e.to}`), []);
});

t.test('operations import nothing from the server: they answer values, the server puts them on the wire', async (t) => {
  const wire = edges.filter((e) => e.from.startsWith('src/operations/') && e.to.startsWith('src/server/'));
  t.same(wire.map((e) => `${e.from} -> ${e.to}`), []);
});
