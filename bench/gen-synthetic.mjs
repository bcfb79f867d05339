#!/usr/bin/env node
// Writes the synthetic benchmark trees into .bench/ (git-ignored). Deterministic: the same
// sizes give the same bytes. Usage: node bench/gen-synthetic.mjs [--files 2000]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDirs } from './lib/paths.mjs';
import { writeSyntheticTree } from './lib/synthetic.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '2000' }, typed: { type: 'string', default: '300' } } });
const files = Number(values.files);
const typed = Number(values.typed);
const dirs = benchDirs();
const lint = writeSyntheticTree(dirs.synthetic, { files, seed: 1, mode: 'lint' });
const typedFiles = writeSyntheticTree(dirs.typed, { files: typed, seed: 1, mode: 'lint' });
const codemod = writeSyntheticTree(dirs.codemodTree, { files, seed: 2, mode: 'codemod' });
for (const [dir, list] of [[dirs.synthetic, lint], [dirs.typed, typedFiles], [dirs.codemodTree, codemod]]) {
  process.stdout.write(`${join(dir)}: ${list.length} files\n`);
}
