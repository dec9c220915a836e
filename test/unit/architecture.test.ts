import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries of ARCHITECTURE.md, read from the imports themselves: folders depend on each
 * other without cycles, the domain imports no framework, and SQL is written only in src/store.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const FILES = ['src', 'bots', 'workers'].flatMap(sources);

/** `src/<folder>` for a file under one, `src` for src's own files, `bots/<channel>`, `workers`. */
function folderOf(file: string): string {
  const [top = '', second = '', ...rest] = file.split(path.sep);
  if (top === 'src' || top === 'bots') return rest.length > 0 ? `${top}/${second}` : top;
  return top;
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)].map((m) => m[1] ?? '');
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of FILES) {
    const from = folderOf(file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const to = folderOf(path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)));
      if (to === from || to === 'src' || from === 'src') continue; // src's own files compose the rest
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

/** One cycle of the graph, as the list of folders around it, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

describe('the folders of the code', () => {
  it('depend on each other without a cycle', () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(findCycle(graph)).toBeNull();
  });

  it('find a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keep procurement out of the conversation: use-cases return events, src/notices writes them', () => {
    const graph = folderGraph();
    expect([...(graph.get('src/procurement') ?? [])]).not.toContain('src/conversation');
    expect([...(graph.get('src/notices') ?? [])]).not.toContain('src/conversation');
    expect([...(graph.get('src/notices') ?? [])]).not.toContain('src/procurement');
  });

  it('keep the domain free of frameworks: it imports only itself and node:crypto', () => {
    const outside = FILES.filter((f) => f.startsWith(`src${path.sep}domain${path.sep}`)).flatMap((f) =>
      importsOf(f)
        .filter((spec) => !(spec.startsWith('./') || spec === 'node:crypto'))
        .map((spec) => `${f}: ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('write SQL only in src/store', () => {
    const sqlOutside = FILES.filter((f) => !f.startsWith(`src${path.sep}store${path.sep}`)).filter((f) =>
      /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(
        readFileSync(path.join(ROOT, f), 'utf8'),
      ),
    );
    expect(sqlOutside).toEqual([]);
  });
});
