/**
 * House rules from ARCHITECTURE.md, checked on the import lines under src/:
 * arrows point down (adapters -> bot -> features -> core), core stays pure, and nothing
 * in src/ uses Math.random.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const files = walk(SRC).map((p) => ({ path: relative(SRC, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }));

function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

/** Resolves a relative import to its top-level folder under src/ ('core', 'render', ...). */
function targetLayer(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const parts = from.split('/').slice(0, -1);
  for (const seg of spec.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.length > 1 ? (parts[0] as string) : parts[0]?.replace(/\.js$/, '') ?? null;
}

const CORE_ALLOWED_PACKAGES = new Set(['mathjs']);
const CHAT_LIBS = ['discord.js', 'grammy'];

describe('architecture', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('core imports only core and pure computation libraries', () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => f.path.startsWith('core/'))) {
      for (const spec of importsOf(f.text)) {
        if (spec.startsWith('.')) {
          if (targetLayer(f.path, spec) !== 'core') bad.push(`${f.path} -> ${spec}`);
        } else if (!CORE_ALLOWED_PACKAGES.has(spec.split('/')[0] as string)) {
          bad.push(`${f.path} -> ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('features never import the bot or the adapters, and only adapters import chat libraries', () => {
    const bad: string[] = [];
    for (const f of files) {
      const layer = f.path.split('/')[0] as string;
      for (const spec of importsOf(f.text)) {
        const target = targetLayer(f.path, spec);
        if (layer !== 'adapters' && CHAT_LIBS.some((l) => spec === l || spec.startsWith(`${l}/`))) {
          bad.push(`${f.path} -> ${spec}`);
        }
        const feature = ['quiz', 'render', 'training', 'data', 'spells'].includes(layer);
        if (feature && (target === 'bot' || target === 'adapters')) bad.push(`${f.path} -> ${spec}`);
        if (layer === 'bot' && target === 'adapters') bad.push(`${f.path} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('chartjs-node-canvas is imported by render/ only', () => {
    const users = files.filter((f) => importsOf(f.text).includes('chartjs-node-canvas')).map((f) => f.path);
    expect(users.every((p) => p.startsWith('render/'))).toBe(true);
  });

  it('piscina is imported by one file only (the pool)', () => {
    const users = files.filter((f) => importsOf(f.text).includes('piscina')).map((f) => f.path);
    expect(users.length).toBeLessThanOrEqual(1);
  });

  it('no file outside the pool creates worker threads', () => {
    const users = files.filter((f) => /new\s+Worker\s*\(/.test(f.text)).map((f) => f.path);
    expect(users).toEqual([]);
  });

  it('nothing in src/ calls Math.random', () => {
    const users = files.filter((f) => /Math\s*\.\s*random/.test(f.text)).map((f) => f.path);
    expect(users).toEqual([]);
  });
});
