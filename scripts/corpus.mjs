#!/usr/bin/env node
// Assembles the robustness corpus: real JS/TS/TSX files from the installed npm packages,
// copied into .corpus/files (git-ignored; never committed) with a manifest. The selection is
// deterministic (sorted walk + hash-ranked sampling), skips files over 300 KB and minified
// bundles, drops duplicate contents and keeps declaration files to a small share.
//
// Usage: node scripts/corpus.mjs [--size 6000]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stableSample } from '../bench/lib/random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const corpusDir = join(root, '.corpus');
export const corpusFilesDir = join(corpusDir, 'files');
export const manifestPath = join(corpusDir, 'manifest.json');

const MAX_BYTES = 300 * 1024;
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const DECLARATION_SHARE = 0.08;
/** Path segments the codemod CLI and ESLint ignore by default; renamed in the copy so both see the files. */
const IGNORED_SEGMENTS = new Set(['node_modules', 'dist', 'build', '.next']);
/** Our own workspace package (a symlink) is not third-party code. */
const SKIP_PACKAGES = new Set(['@fn-kit', '.bin', '.cache', '.vite', '.package-lock.json']);

/** A bundle or minified file: long lines dominate. */
export function looksMinified(text, path) {
  if (/[.-]min\.[cm]?js$/.test(path)) return true;
  const lines = text.split('\n');
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  return longest > 1000 && text.length / lines.length > 200;
}

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.isSymbolicLink()) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_PACKAGES.has(entry.name)) walk(path, out);
    } else if (entry.isFile() && SOURCE.test(entry.name)) {
      out.push(path);
    }
  }
}

function corpusPath(source) {
  return relative(join(root, 'node_modules'), source)
    .split(sep)
    .map((segment) => (IGNORED_SEGMENTS.has(segment) ? `${segment}_` : segment))
    .join('/');
}

/** Picks and copies the corpus; returns the manifest. */
export function assembleCorpus({ size = 6000 } = {}) {
  const candidates = [];
  walk(join(root, 'node_modules'), candidates);
  const seen = new Set();
  const eligible = { source: [], declaration: [] };
  for (const path of candidates) {
    const bytes = statSync(path).size;
    if (bytes === 0 || bytes > MAX_BYTES) continue;
    const text = readFileSync(path, 'utf8');
    if (looksMinified(text, path)) continue;
    const sha1 = createHash('sha1').update(text).digest('hex');
    if (seen.has(sha1)) continue;
    seen.add(sha1);
    const entry = { from: relative(root, path), path: corpusPath(path), bytes, sha1 };
    (DECLARATION.test(path) ? eligible.declaration : eligible.source).push(entry);
  }
  const declarations = stableSample(eligible.declaration, Math.round(size * DECLARATION_SHARE), 'corpus-dts', (entry) => entry.from);
  const sources = stableSample(eligible.source, size - declarations.length, 'corpus-src', (entry) => entry.from);
  const files = [...sources, ...declarations].sort((a, b) => (a.path < b.path ? -1 : 1));

  rmSync(corpusFilesDir, { recursive: true, force: true });
  for (const entry of files) {
    const target = join(corpusFilesDir, entry.path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(root, entry.from), target);
  }
  const manifest = { size: files.length, eligible: eligible.source.length + eligible.declaration.length, files };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** The manifest, assembling the corpus first when it is missing or its files are gone. */
export function loadCorpus(options) {
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.files.every((entry) => existsSync(join(corpusFilesDir, entry.path)))) return manifest;
  }
  return assembleCorpus(options);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '6000' } } });
  const manifest = assembleCorpus({ size: Number(values.size) });
  const byExt = new Map();
  for (const entry of manifest.files) {
    const ext = DECLARATION.test(entry.path) ? '.d.ts' : entry.path.slice(entry.path.lastIndexOf('.'));
    byExt.set(ext, (byExt.get(ext) ?? 0) + 1);
  }
  const kinds = [...byExt].sort().map(([ext, count]) => `${ext} ${count}`).join(', ');
  process.stdout.write(`corpus: ${manifest.size} files (of ${manifest.eligible} eligible) in ${relative(root, corpusFilesDir)}: ${kinds}\n`);
}
