/**
 * House rules from ARCHITECTURE.md, checked on the import lines (and a few calls) under src/,
 * folder by folder: arrows point down (adapters -> bot -> features -> core), core stays pure,
 * features reach each other only through the entry points listed below, one file creates
 * workers, one folder talks to each outside system, config.ts alone reads the environment,
 * and nothing uses Math.random.
 *
 * Every check runs on a non-empty list of files, and every rule is also fed a fabricated file
 * that breaks it, so a check that can no longer fail fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** A source file: its path under src/ (posix separators) and its text. */
interface SourceFile {
  path: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FILES: SourceFile[] = walk(SRC).map((p) => ({ path: relative(SRC, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }));

/** The folders under src/, each checked on its own. */
const FOLDERS = ['core', 'data', 'quiz', 'render', 'training', 'spells', 'grad', 'jobs', 'store', 'bot', 'options', 'adapters', 'cli'] as const;
type Folder = (typeof FOLDERS)[number];

/** The features: pure functions plus their reply texts. */
const FEATURES: readonly Folder[] = ['quiz', 'render', 'training', 'data', 'spells', 'grad'];

/**
 * The only places where one feature imports another, with the reason. Anything else between
 * features goes through a lower layer (core, jobs, options).
 */
const ALLOWED_FEATURE_IMPORTS: ReadonlyArray<{ from: Folder; to: string; why: string }> = [
  // Training is built on the CSV ingest: data/ turns the upload into the encoded dataset.
  { from: 'training', to: 'data/', why: 'training reads its CSV through the ingest pipeline' },
  // The train job returns the chart data (loss curve, boundary, confusion) as plain data in the
  // renderer's shapes; types only, nothing of render/ runs in training.
  { from: 'training', to: 'render/types.ts', why: 'the train job returns picture data in the renderer\u2019s types' },
  // Uploaded name lists are text files in any encoding, read with the CSV decoder and sniffer.
  { from: 'spells', to: 'data/decode.ts', why: 'uploaded name lists are decoded like CSV files' },
  { from: 'spells', to: 'data/sniff.ts', why: 'uploaded name lists are told from binaries like CSV files' },
  { from: 'spells', to: 'data/delimiter.ts', why: 'a CSV name list is split like any CSV file' },
];

/** The section of the file src/cli.ts belongs to is cli; main.ts and config.ts are the root. */
function folderOf(path: string): string {
  if (path === 'cli.ts') return 'cli';
  return path.includes('/') ? (path.split('/')[0] as string) : 'root';
}

/** Comments removed, so a comment that mentions process.env or an import is not code. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module specifier a file imports: static, type-only, re-exports and import(). */
function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const m of code(text).matchAll(re)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

/** A relative import as a path under src/ with a .ts extension ('training/pool.ts'); null for packages. */
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = posix.normalize(posix.join(posix.dirname(from), spec));
  return target.replace(/\.js$/, '.ts');
}

/** The package name of a bare specifier: `@fastify/multipart`, `grammy`, `node:fs`. */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** One rule over the files of one folder. */
interface Rule {
  name: string;
  /** The violations in one file, as "path -> what". */
  check(f: SourceFile): string[];
  /** A fabricated file in the folder that breaks the rule. */
  bad: SourceFile;
}

/** Relative imports that land in one of `layers`. */
function importsInto(f: SourceFile, test: (target: string, layer: string) => boolean): string[] {
  return importsOf(f.text).flatMap((spec) => {
    const target = resolveImport(f.path, spec);
    if (target === null) return [];
    return test(target, folderOf(target)) ? [`${f.path} -> ${spec}`] : [];
  });
}

function packagesMatching(f: SourceFile, test: (pkg: string) => boolean): string[] {
  return importsOf(f.text).filter((s) => !s.startsWith('.') && test(packageOf(s))).map((s) => `${f.path} -> ${s}`);
}

const CHAT_AND_HTTP = (pkg: string) => ['discord.js', 'grammy', 'fastify'].includes(pkg) || pkg.startsWith('@grammyjs/') || pkg.startsWith('@fastify/') || pkg.startsWith('@discordjs/');

/** The rules of one folder, from its place in the house. */
function rulesFor(folder: Folder): Rule[] {
  const at = (name: string) => `${folder}/${name}`;
  const rules: Rule[] = [];

  if (folder === 'core') {
    rules.push({
      name: 'imports only core and pure computation libraries (mathjs)',
      check: (f) => [
        ...importsInto(f, (_t, layer) => layer !== 'core'),
        ...packagesMatching(f, (pkg) => pkg !== 'mathjs'),
      ],
      bad: { path: at('bad.ts'), text: "import { readFileSync } from 'node:fs';\nimport { jobMessages } from '../jobs/pool.js';" },
    });
  }

  if (folder === 'options') {
    rules.push({
      name: 'imports only options and core (no door, no feature)',
      check: (f) => importsInto(f, (_t, layer) => layer !== 'options' && layer !== 'core'),
      bad: { path: at('bad.ts'), text: "import type { BotCommand } from '../bot/command.js';" },
    });
  }

  if (FEATURES.includes(folder) || folder === 'jobs') {
    rules.push({
      name: 'never imports the bot, the doors, the store or the CLI',
      check: (f) => importsInto(f, (_t, layer) => ['bot', 'adapters', 'store', 'cli'].includes(layer)),
      bad: { path: at('bad.ts'), text: "import type { Store } from '../store/types.js';" },
    });
  }

  if (FEATURES.includes(folder)) {
    rules.push({
      name: 'reaches another feature only through the allowed entry points',
      check: (f) =>
        importsInto(
          f,
          (target, layer) =>
            layer !== folder &&
            FEATURES.includes(layer as Folder) &&
            !ALLOWED_FEATURE_IMPORTS.some((a) => a.from === folder && (a.to.endsWith('/') ? target.startsWith(a.to) : target === a.to)),
        ),
      bad: { path: at('bad.ts'), text: `import { x } from '../${folder === 'quiz' ? 'render' : 'quiz'}/internal.js';` },
    });
  }

  if (folder === 'render' || folder === 'spells') {
    rules.push({
      name: 'never imports training (shared job plumbing lives in jobs/)',
      check: (f) => importsInto(f, (_t, layer) => layer === 'training'),
      bad: { path: at('bad.ts'), text: "import type { ProgressFn } from '../training/job-types.js';" },
    });
  }

  if (folder === 'store') {
    rules.push({
      name: 'never imports the bot, the doors or the CLI',
      check: (f) => importsInto(f, (_t, layer) => ['bot', 'adapters', 'cli'].includes(layer)),
      bad: { path: at('bad.ts'), text: "import { COMMANDS } from '../bot/registry.js';" },
    });
  }

  if (folder === 'bot') {
    rules.push({
      name: 'never imports the doors or the CLI',
      check: (f) => importsInto(f, (_t, layer) => layer === 'adapters' || layer === 'cli'),
      bad: { path: at('bad.ts'), text: "import { startLocal } from '../adapters/local/server.js';" },
    });
  }

  if (folder === 'adapters' || folder === 'cli') {
    rules.push({
      name: folder === 'adapters' ? 'never imports the CLI' : 'never imports the doors',
      check: (f) => importsInto(f, (_t, layer) => layer === (folder === 'adapters' ? 'cli' : 'adapters')),
      bad: { path: at('bad.ts'), text: folder === 'adapters' ? "import { main } from '../cli.js';" : "import { x } from '../adapters/local/server.js';" },
    });
  }

  // Outside systems, each behind one folder.
  if (folder !== 'adapters') {
    rules.push({
      name: 'does not import chat or HTTP libraries (discord.js, grammY, fastify): only adapters do',
      check: (f) => packagesMatching(f, CHAT_AND_HTTP),
      bad: { path: at('bad.ts'), text: "import { Bot } from 'grammy';\nimport multipart from '@fastify/multipart';" },
    });
  }
  if (folder !== 'store') {
    rules.push({
      name: 'does not import better-sqlite3: only store does',
      check: (f) => packagesMatching(f, (pkg) => pkg === 'better-sqlite3'),
      bad: { path: at('bad.ts'), text: "import type Database from 'better-sqlite3';" },
    });
  }
  if (folder !== 'render') {
    rules.push({
      name: 'does not import chartjs-node-canvas: only render does',
      check: (f) => packagesMatching(f, (pkg) => pkg === 'chartjs-node-canvas'),
      bad: { path: at('bad.ts'), text: "import { ChartJSNodeCanvas } from 'chartjs-node-canvas';" },
    });
  }
  rules.push({
    name: 'creates no workers and imports no piscina: only jobs/pool.ts does',
    check: (f) =>
      f.path === 'jobs/pool.ts'
        ? []
        : [
            ...packagesMatching(f, (pkg) => pkg === 'piscina'),
            ...(/\bnew\s+Worker\s*\(/.test(code(f.text)) ? [`${f.path} -> new Worker(...)`] : []),
          ],
    bad: { path: at('bad.ts'), text: "import { Worker } from 'node:worker_threads';\nconst w = new Worker('./x.js');" },
  });
  rules.push({
    name: 'does not read process.env: configuration comes from src/config.ts',
    check: (f) => (/\bprocess\s*\.\s*env\b/.test(code(f.text)) ? [`${f.path} -> process.env`] : []),
    bad: { path: at('bad.ts'), text: "const dir = process.env.GRADBOT_DATA_DIR ?? './data';" },
  });
  rules.push({
    name: 'does not call Math.random (every random choice takes a seed)',
    check: (f) => (/\bMath\s*\.\s*random\b/.test(code(f.text)) ? [`${f.path} -> Math.random`] : []),
    bad: { path: at('bad.ts'), text: 'export const roll = () => Math.random();' },
  });
  return rules;
}

/** The files of one folder. */
function filesOf(folder: string): SourceFile[] {
  return FILES.filter((f) => folderOf(f.path) === folder);
}

describe('architecture', () => {
  it('reads the import lines it checks (the parser itself can see imports)', () => {
    expect(importsOf("import type { A } from './a.js';\nexport { b } from '../b.js';\nconst c = await import('../c/d.js');\nimport 'canvas';")).toEqual([
      './a.js',
      '../b.js',
      '../c/d.js',
      'canvas',
    ]);
    // a commented-out import is not an import
    expect(importsOf("// import { x } from '../bot/x.js';\n/* import y from 'grammy'; */")).toEqual([]);
    expect(resolveImport('render/charts/a.ts', '../../jobs/pool.js')).toBe('jobs/pool.ts');
    expect(folderOf('cli.ts')).toBe('cli');
    expect(folderOf('config.ts')).toBe('root');
  });

  for (const folder of FOLDERS) {
    describe(`${folder}/`, () => {
      it('has files to check', () => {
        expect(filesOf(folder).length).toBeGreaterThan(0);
      });
      for (const rule of rulesFor(folder)) {
        it(rule.name, () => {
          const files = filesOf(folder);
          expect(files.length).toBeGreaterThan(0);
          expect(files.flatMap((f) => rule.check(f))).toEqual([]);
        });
        it(`${rule.name}: a file that breaks it is caught`, () => {
          expect(folderOf(rule.bad.path)).toBe(folder);
          expect(rule.check(rule.bad).length).toBeGreaterThan(0);
        });
      }
    });
  }

  describe('the root files (config.ts, main.ts)', () => {
    const root = filesOf('root');
    it('are found', () => {
      expect(root.map((f) => f.path)).toEqual(expect.arrayContaining(['config.ts', 'main.ts']));
    });
    it('only config.ts reads process.env', () => {
      const readers = root.filter((f) => /\bprocess\s*\.\s*env\b/.test(code(f.text))).map((f) => f.path);
      expect(readers).toEqual(['config.ts']);
    });
    it('do not call Math.random', () => {
      expect(root.filter((f) => /\bMath\s*\.\s*random\b/.test(code(f.text))).map((f) => f.path)).toEqual([]);
    });
  });

  it('jobs/pool.ts is the one file that imports piscina', () => {
    expect(FILES.filter((f) => importsOf(f.text).includes('piscina')).map((f) => f.path)).toEqual(['jobs/pool.ts']);
  });

  it('every allowed feature pair is still used (a stale exception is removed, not kept)', () => {
    for (const a of ALLOWED_FEATURE_IMPORTS) {
      const users = filesOf(a.from).filter((f) =>
        importsOf(f.text).some((s) => {
          const t = resolveImport(f.path, s);
          return t !== null && (a.to.endsWith('/') ? t.startsWith(a.to) : t === a.to);
        }),
      );
      expect(users.length, `${a.from} -> ${a.to} (${a.why})`).toBeGreaterThan(0);
    }
  });
});
