import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The boundaries of DESIGN.md, checked rather than hoped for. */

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mts)$/.test(name) ? [rel] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

function resolvesInto(file: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.normalize(path.join(path.dirname(file), spec));
  return target === dir || target.startsWith(dir + path.sep);
}

describe('architecture boundaries', () => {
  it('only main/shell imports electron', () => {
    const offenders = [...sourceFiles('main'), ...sourceFiles('shared'), ...sourceFiles('renderer')]
      .filter((f) => !f.startsWith(path.join('main', 'shell')))
      .filter((f) => importsOf(f).some((s) => s === 'electron' || s.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('shared imports neither Node built-ins nor the DOM, only zod and itself', () => {
    const offenders = sourceFiles('shared').filter((f) =>
      importsOf(f).some((s) => !s.startsWith('.') && s !== 'zod'),
    );
    expect(offenders).toEqual([]);
  });

  it('the engine never imports a host', () => {
    const offenders = sourceFiles(path.join('main', 'engine')).filter((f) =>
      importsOf(f).some((s) => resolvesInto(f, s, path.join('main', 'server')) || resolvesInto(f, s, path.join('main', 'shell'))),
    );
    expect(offenders).toEqual([]);
  });

  it('the Electron shell never imports the headless host: what both need lives in main/host', () => {
    const offenders = sourceFiles(path.join('main', 'shell')).filter((f) => importsOf(f).some((s) => resolvesInto(f, s, path.join('main', 'server'))));
    expect(offenders).toEqual([]);
    expect(sourceFiles(path.join('main', 'shell')).length).toBeGreaterThan(3);
  });

  it('main/host, shared by both hosts, imports neither of them', () => {
    const offenders = sourceFiles(path.join('main', 'host')).filter((f) =>
      importsOf(f).some((s) => resolvesInto(f, s, path.join('main', 'server')) || resolvesInto(f, s, path.join('main', 'shell'))),
    );
    expect(offenders).toEqual([]);
  });

  it('the renderer never imports main', () => {
    const offenders = sourceFiles('renderer').filter((f) => importsOf(f).some((s) => resolvesInto(f, s, 'main')));
    expect(offenders).toEqual([]);
  });

  it('the screens use no Node built-ins (they run in a sandboxed renderer and in a browser)', () => {
    const offenders = sourceFiles(path.join('renderer', 'src')).filter((f) =>
      importsOf(f).some((s) => s.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'electron'].includes(s)),
    );
    expect(offenders).toEqual([]);
    expect(sourceFiles(path.join('renderer', 'src')).length).toBeGreaterThan(10);
  });

  it('the file code (main/engine/files) imports no connector, service or store: they import it', () => {
    const engine = path.join('main', 'engine');
    const above = ['connectors', 'services', 'store', 'transports', 'api', 'demo'].map((d) => path.join(engine, d));
    const files = sourceFiles(path.join(engine, 'files'));
    const offenders = files.filter((f) => importsOf(f).some((s) => above.some((dir) => resolvesInto(f, s, dir))));
    expect(offenders).toEqual([]);
    expect(files.length).toBeGreaterThan(5);
  });

  it('the checks above see the source tree (they cannot pass on an empty list)', () => {
    expect(sourceFiles(path.join('main', 'engine')).length).toBeGreaterThan(20);
    expect(importsOf(path.join('main', 'engine', 'engine.ts'))).toContain('./store/index.js');
  });
});
