// Where the repository, its built outputs and the benchmark scratch trees are.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function benchDirs() {
  const base = join(repoRoot, '.bench');
  return {
    base,
    synthetic: join(base, 'synthetic'),
    typed: join(base, 'typed'),
    typedCorpus: join(base, 'typed-corpus'),
    codemodTree: join(base, 'codemod-tree'),
    envProject: join(base, 'env-project'),
    scratch: join(base, 'scratch'),
  };
}

export const built = {
  plugin: join(repoRoot, 'dist', 'rules', 'index.js'),
  registry: join(repoRoot, 'dist', 'codemods', 'index.js'),
  runner: join(repoRoot, 'dist', 'cli', 'runner', 'apply.js'),
  runnerParsers: join(repoRoot, 'dist', 'cli', 'runner', 'parsers.js'),
  cli: join(repoRoot, 'dist', 'cli', 'bin.js'),
  runtime: join(repoRoot, 'packages', 'functions', 'dist', 'esm', 'index.js'),
};
