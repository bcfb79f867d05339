// The deterministic synthetic Next.js-style code base used by the lint and codemod
// benchmarks. The same parameters always produce the same bytes; a stamp file (with a hash
// of the generator's own sources) lets a second run reuse the tree instead of rewriting it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiRouteFile, geoIpRouteFile } from './api-templates.mjs';
import { createRandom } from './random.mjs';
import * as templates from './templates.mjs';

const AREAS = ['dashboard', 'billing', 'admin', 'shop', 'settings', 'marketing', 'blog', 'support', 'teams', 'reports'];
const NAMES = ['Card', 'Table', 'List', 'Panel', 'Summary', 'Chart', 'Form', 'Header', 'Toolbar', 'Dialog', 'Badge', 'Grid'];

/** Weighted file kinds of a typical Next.js app. */
const KINDS = [
  ['component', 34],
  ['utility', 20],
  ['legacyJs', 3],
  ['page', 12],
  ['layout', 3],
  ['route', 10],
  ['actions', 6],
  ['pagesApi', 7],
  ['hook', 5],
];
const KIND_TOTAL = KINDS.reduce((sum, [, weight]) => sum + weight, 0);

function pickKind(rng) {
  let roll = rng.next() * KIND_TOTAL;
  for (const [kind, weight] of KINDS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'utility';
}

function regularFile(rng, kind, index) {
  const area = rng.pick(AREAS);
  const name = `${rng.pick(NAMES)}${index}`;
  switch (kind) {
    case 'component':
      return [`components/${area}/${name}.tsx`, templates.componentFile(rng, name)];
    case 'utility':
      return [`lib/${area}/util${index}.ts`, templates.utilityFile(rng, `util${index}`)];
    case 'legacyJs':
      return [`lib/legacy/helper${index}.js`, templates.legacyJsFile(rng, `helper${index}`)];
    case 'page':
      return [`app/${area}/s${index}/page.tsx`, templates.pageFile(rng, name)];
    case 'layout':
      return [`app/${area}/s${index}/layout.tsx`, templates.layoutFile(rng, name)];
    case 'route':
      return [`app/api/${area}/r${index}/route.ts`, templates.routeFile(rng)];
    case 'actions':
      return [`app/${area}/s${index}/actions.ts`, templates.actionsFile(rng)];
    case 'pagesApi':
      return [`pages/api/${area}/h${index}.ts`, templates.pagesApiFile(rng)];
    default:
      return [`hooks/use${name}.ts`, templates.hookFile(rng, name)];
  }
}

function apiUserPath(variant, index) {
  if (variant % 8 === 6) return `pages/api/edge/h${index}.ts`;
  if (variant % 8 === 7) return `app/forms/s${index}/actions.ts`;
  return `app/api/edge/r${index}/route.ts`;
}

/**
 * The files of a synthetic code base as [relativePath, text] pairs.
 * mode 'lint': ~2% of files use the functions API (some misuse it).
 * mode 'codemod': exactly every 100th file uses NextRequest .geo/.ip; no other API use.
 */
export function syntheticFiles({ files, seed = 1, mode = 'lint' }) {
  const rng = createRandom(seed);
  const out = [['middleware.ts', templates.middlewareFile()]];
  /** Utility modules written so far, with their exported functions: later files import them, as a real app's do. */
  const utilities = [];
  for (let index = 1; out.length < files; index++) {
    if (mode === 'lint' && index % 50 === 25) {
      const variant = Math.floor(index / 50);
      out.push([apiUserPath(variant, index), apiRouteFile(variant)]);
      continue;
    }
    if (mode === 'codemod' && index % 100 === 50) {
      out.push([`app/api/geo/r${index}/route.ts`, geoIpRouteFile(Math.floor(index / 100))]);
      continue;
    }
    const kind = pickKind(rng);
    const [path, text] = regularFile(rng, kind, index);
    if (kind === 'utility') utilities.push({ module: `@/${path.replace(/\.ts$/, '')}`, names: exportedFunctions(text) });
    out.push([path, mode === 'lint' ? withProjectImports(rng, kind, text, utilities) : text]);
  }
  return out;
}

function exportedFunctions(text) {
  return [...text.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
}

const IMPORTING_KINDS = new Set(['component', 'page', 'route', 'actions', 'pagesApi']);
const HANDLER_OPENING = /^(export (?:default )?async function \w+\([^)]*\) \{\n)/m;

/**
 * Most files of a real app import the app's own modules through the `@/` alias, and handlers
 * call them: one or two utility imports, and in handler files one call of an imported
 * function as a statement (a validation or logging helper), which the project index answers.
 */
function withProjectImports(rng, kind, text, utilities) {
  if (!IMPORTING_KINDS.has(kind) || utilities.length === 0 || !rng.chance(0.75)) return text;
  const picked = [...new Set([rng.pick(utilities), rng.pick(utilities)])].filter((u) => u.names.length > 0);
  if (picked.length === 0) return text;
  const imports = picked.map((u) => `import { ${u.names.slice(0, 2).join(', ')} } from '${u.module}';`).join('\n');
  // After a leading directive ('use client' / 'use server'), else first.
  const directive = /^'use (?:client|server)';\n\n/.exec(text);
  let result = directive ? `${directive[0]}${imports}\n${text.slice(directive[0].length)}` : `${imports}\n${text}`;
  const call = `  ${picked[0].names[0]}([] as never, undefined as never);\n`;
  if (kind === 'route' || kind === 'actions' || kind === 'pagesApi') result = result.replace(HANDLER_OPENING, `$1${call}`);
  return result;
}

const PACKAGE_JSON = `${JSON.stringify(
  { name: 'synthetic-app', private: true, dependencies: { next: '15.2.0', react: '19.0.0' } },
  null,
  2,
)}\n`;

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      lib: ['dom', 'dom.iterable', 'es2022'],
      module: 'esnext',
      moduleResolution: 'bundler',
      jsx: 'preserve',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowJs: true,
      paths: { '@/*': ['./*'] },
    },
    include: ['**/*.ts', '**/*.tsx', '**/*.js'],
    exclude: ['node_modules'],
  },
  null,
  2,
)}\n`;

function generatorHash() {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const file of ['synthetic.mjs', 'templates.mjs', 'api-templates.mjs', 'random.mjs']) {
    hash.update(readFileSync(join(here, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Writes the synthetic tree into `dir` (with package.json and tsconfig.json) unless a tree
 * with the same parameters and generator is already there. Returns the relative file paths.
 */
export function writeSyntheticTree(dir, options) {
  const entries = syntheticFiles(options);
  const stamp = JSON.stringify({ ...options, generator: generatorHash() });
  const stampFile = join(dir, '.stamp.json');
  if (!(existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp)) {
    rmSync(dir, { recursive: true, force: true });
    for (const [path, text] of entries) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(join(dir, 'package.json'), PACKAGE_JSON);
    writeFileSync(join(dir, 'tsconfig.json'), TSCONFIG);
    writeFileSync(stampFile, stamp);
  }
  return entries.map(([path]) => path);
}
