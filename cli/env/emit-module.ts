/**
 * Emits the typed accessor module: `env` (every schema variable, parsed), `clientEnv`
 * (the NEXT_PUBLIC_ subset) and `systemEnv` (the catalog's getEnv() variables).
 *
 * The getters are class members, so they are not enumerable: `JSON.stringify(env)`,
 * `{ ...env }` and `console.log(env)` never read or print a value. Every getter reads
 * `process.env.NAME` literally so Next.js can inline NEXT_PUBLIC_ variables.
 */
import { StructureKind, VariableDeclarationKind, type GetAccessorDeclarationStructure, type SourceFile } from 'ts-morph';
import { GET_ENV_KEYS, SYSTEM_ENV_VARS } from '../../lib/catalog.js';
import type { EnvType } from './annotations.js';
import { jsDocSafe, SECRET_NOTE, stringLiteral, variableDoc } from './doc-text.js';
import type { EnvSchema, EnvVarSpec } from './schema.js';
import { FALSE_WORDS, NUMBER_PATTERN, TRUE_WORDS } from './value-rules.js';

type Helper = 'required' | 'parseNumber' | 'parseBoolean' | 'parseUrl' | 'parseEnum';

const HELPERS: Record<Helper, { params: [string, string][]; returns: string; typeParams?: string; body: string[] }> = {
  required: {
    params: [['name', 'string'], ['value', 'string | undefined']],
    returns: 'string',
    body: ["if (value === undefined || value === '') throw new EnvError(name, 'is not set');", 'return value;'],
  },
  parseNumber: {
    params: [['name', 'string'], ['raw', 'string']],
    returns: 'number',
    body: [
      'const text = raw.trim();',
      `if (!${NUMBER_PATTERN.toString()}.test(text) || !Number.isFinite(Number(text))) throw new EnvError(name, 'is not a number');`,
      'return Number(text);',
    ],
  },
  parseBoolean: {
    params: [['name', 'string'], ['raw', 'string']],
    returns: 'boolean',
    body: [
      'const word = raw.trim().toLowerCase();',
      `if (${TRUE_WORDS.map((w) => `word === ${stringLiteral(w)}`).join(' || ')}) return true;`,
      `if (${FALSE_WORDS.map((w) => `word === ${stringLiteral(w)}`).join(' || ')}) return false;`,
      `throw new EnvError(name, ${stringLiteral(`is not a boolean (use ${[...TRUE_WORDS, ...FALSE_WORDS].join(', ')})`)});`,
    ],
  },
  parseUrl: {
    params: [['name', 'string'], ['raw', 'string']],
    returns: 'string',
    body: [
      'try {',
      'new URL(raw);',
      '} catch {',
      "throw new EnvError(name, 'is not an absolute URL');",
      '}',
      'return raw;',
    ],
  },
  parseEnum: {
    typeParams: 'T extends string',
    params: [['name', 'string'], ['raw', 'string'], ['members', 'readonly T[]']],
    returns: 'T',
    body: [
      'const found = members.find((member) => member === raw);',
      "if (found === undefined) throw new EnvError(name, `must be one of: ${members.join(', ')}`);",
      'return found;',
    ],
  },
};

export function emitModule(file: SourceFile, schema: EnvSchema): void {
  const used = new Set<Helper>();
  const accessor = (spec: EnvVarSpec): GetAccessorDeclarationStructure => ({
    kind: StructureKind.GetAccessor,
    name: spec.name,
    returnType: returnType(spec),
    docs: [variableDoc(spec, 'accessor')],
    statements: getterBody(spec, used),
  });
  const serverGetters = schema.vars.map(accessor);
  const clientGetters = schema.vars.filter((v) => v.public).map(accessor);
  const systemGetters: GetAccessorDeclarationStructure[] = SYSTEM_ENV_VARS.filter((v) => GET_ENV_KEYS.includes(v.name)).map(
    (v) => ({
      kind: StructureKind.GetAccessor,
      name: v.name,
      returnType: 'string | undefined',
      docs: [[jsDocSafe(v.doc), ...(v.secret ? [SECRET_NOTE] : [])].join('\n')],
      statements: [`return read(process.env.${v.name});`],
    }),
  );

  file.addStatements([
    '/* eslint-disable */',
    [
      '/**',
      ' * Typed environment variables, from .env.example.',
      ' *',
      ' * - `env`: every variable of .env.example, parsed; for server code.',
      ' * - `clientEnv`: only the NEXT_PUBLIC_ variables; safe in client components.',
      ' * - `systemEnv`: the platform system variables, as `getEnv()` returns them.',
      ' *',
      ' * A missing or malformed variable throws an EnvError that names the variable, never its value.',
      ' */',
    ].join('\n'),
  ]);

  file.addClass({
    name: 'EnvError',
    isExported: true,
    extends: 'Error',
    docs: ['Thrown when a variable is missing or malformed. The message names the variable, never its value.'],
    properties: [{ name: 'variable', type: 'string', isReadonly: true, docs: ['The name of the variable.'] }],
    ctors: [
      {
        parameters: [
          { name: 'variable', type: 'string' },
          { name: 'problem', type: 'string' },
        ],
        statements: ['super(`Environment variable ${variable} ${problem}.`);', "this.name = 'EnvError';", 'this.variable = variable;'],
      },
    ],
  });

  file.addFunction({
    name: 'read',
    docs: ['An empty string reads as unset.'],
    parameters: [{ name: 'value', type: 'string | undefined' }],
    returnType: 'string | undefined',
    statements: ["return value === undefined || value === '' ? undefined : value;"],
  });
  for (const name of Object.keys(HELPERS) as Helper[]) {
    if (!used.has(name)) continue;
    const helper = HELPERS[name];
    file.addFunction({
      name,
      typeParameters: helper.typeParams ? [helper.typeParams] : [],
      parameters: helper.params.map(([param, type]) => ({ name: param, type })),
      returnType: helper.returns,
      statements: helper.body,
    });
  }

  addAccessorClass(file, 'Env', 'Every variable of .env.example, parsed on each read. For server code.', serverGetters);
  addAccessorClass(
    file,
    'ClientEnv',
    'The NEXT_PUBLIC_ variables only: safe to read in client components (Next.js inlines them).',
    clientGetters,
  );
  addAccessorClass(
    file,
    'SystemEnv',
    'The platform system variables, as `getEnv()` returns them; an empty string reads as undefined.',
    systemGetters,
  );
  for (const [name, type] of [
    ['env', 'Env'],
    ['clientEnv', 'ClientEnv'],
    ['systemEnv', 'SystemEnv'],
  ] as const) {
    file.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name, type, initializer: `Object.freeze(new ${type}())` }],
    });
  }
}

function addAccessorClass(file: SourceFile, name: string, doc: string, getters: GetAccessorDeclarationStructure[]): void {
  file.addClass({ name, isExported: true, docs: [doc], getAccessors: getters });
}

function valueType(type: EnvType): string {
  switch (type.kind) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return type.members.map(stringLiteral).join(' | ');
    default:
      return 'string';
  }
}

function returnType(spec: EnvVarSpec): string {
  const type = valueType(spec.type);
  return spec.optional && spec.default === undefined ? `${type} | undefined` : type;
}

/** The expression that turns the present string `raw` into the typed value. */
function parseExpression(spec: EnvVarSpec, raw: string, used: Set<Helper>): string {
  const name = stringLiteral(spec.name);
  switch (spec.type.kind) {
    case 'string':
      return raw;
    case 'number':
      used.add('parseNumber');
      return `parseNumber(${name}, ${raw})`;
    case 'boolean':
      used.add('parseBoolean');
      return `parseBoolean(${name}, ${raw})`;
    case 'url':
      used.add('parseUrl');
      return `parseUrl(${name}, ${raw})`;
    case 'enum':
      used.add('parseEnum');
      return `parseEnum(${name}, ${raw}, [${spec.type.members.map(stringLiteral).join(', ')}] as const)`;
  }
}

function defaultLiteral(spec: EnvVarSpec, text: string): string {
  switch (spec.type.kind) {
    case 'number':
      return String(Number(text.trim()));
    case 'boolean':
      return String(TRUE_WORDS.includes(text.trim().toLowerCase()));
    default:
      return stringLiteral(text);
  }
}

function getterBody(spec: EnvVarSpec, used: Set<Helper>): string[] {
  const source = `process.env.${spec.name}`;
  if (spec.default === undefined && !spec.optional) {
    used.add('required');
    return [`return ${parseExpression(spec, `required(${stringLiteral(spec.name)}, ${source})`, used)};`];
  }
  const fallback = spec.default === undefined ? 'undefined' : defaultLiteral(spec, spec.default);
  if (spec.type.kind === 'string') {
    return [spec.default === undefined ? `return read(${source});` : `return read(${source}) ?? ${fallback};`];
  }
  return [`const raw = read(${source});`, `return raw === undefined ? ${fallback} : ${parseExpression(spec, 'raw', used)};`];
}

