// After `tsc -b`: mark the runtime's CommonJS build as CommonJS (the package is
// "type": "module"), and make the CLI entry executable.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cjsDir = join(root, 'packages', 'functions', 'dist', 'cjs');
mkdirSync(cjsDir, { recursive: true });
writeFileSync(join(cjsDir, 'package.json'), '{ "type": "commonjs" }\n');

const bin = join(root, 'dist', 'cli', 'bin.js');
if (existsSync(bin)) chmodSync(bin, 0o755);
