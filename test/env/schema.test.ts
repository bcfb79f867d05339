import { describe, expect, it } from 'vitest';
import { EnvInputError } from '../../cli/env/input-error.js';
import { buildSchema, type EnvVarSpec } from '../../cli/env/schema.js';

const example = (text: string) => ({ name: '.env.example', text });

function specs(text: string): Record<string, EnvVarSpec> {
  return Object.fromEntries(buildSchema(example(text), []).schema.vars.map((v) => [v.name, v]));
}

function errors(text: string, others: { name: string; text: string }[] = []): string[] {
  try {
    buildSchema(example(text), others);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvInputError);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected an input error');
}

describe('buildSchema: annotations', () => {
  it('reads types, flags, defaults and docs', () => {
    const vars = specs(
      [
        '# The port.',
        '# @type number',
        '# @default 3000',
        'PORT=',
        '# @type enum(a | b|c) @optional',
        'MODE=',
        '# Key.',
        '#',
        '# Second paragraph.',
        '# @secret',
        'KEY=x',
        'NEXT_PUBLIC_X=1',
        '# @type url @default https://example.com/a b',
        'U=',
      ].join('\n'),
    );
    expect(vars.PORT).toMatchObject({ type: { kind: 'number' }, default: '3000', optional: false, secret: false, docs: ['The port.'], public: false });
    expect(vars.MODE).toMatchObject({ type: { kind: 'enum', members: ['a', 'b', 'c'] }, optional: true });
    expect(vars.KEY).toMatchObject({ type: { kind: 'string' }, secret: true, docs: ['Key.', '', 'Second paragraph.'] });
    expect(vars.NEXT_PUBLIC_X).toMatchObject({ public: true, docs: [] });
    expect(vars.U).toMatchObject({ default: 'https://example.com/a b' });
  });

  it('sorts variables by name', () => {
    expect(buildSchema(example('B=\nA=\nC=\n'), []).schema.vars.map((v) => v.name)).toEqual(['A', 'B', 'C']);
  });

  it.each([
    ['number', '1.5e3'],
    ['number', '-2'],
    ['boolean', 'TRUE'],
    ['boolean', '0'],
    ['url', 'postgres://localhost/db'],
    ['enum(x|y)', 'y'],
    ['string', 'anything at all'],
  ])('accepts @type %s with @default %s', (type, value) => {
    expect(specs(`# @type ${type}\n# @default ${value}\nV=\n`).V?.default).toBe(value);
  });
});

describe('buildSchema: bad input is reported with file:line', () => {
  it.each([
    ['unknown @type', 'A=1\n# @type integer\nB=\n', '.env.example:2: unknown @type integer (use string, number, boolean, url or enum(a|b|c))'],
    ['@type without a type', '# @type\nB=\n', '.env.example:1: @type needs a type'],
    ['bad number default', '# @type number\n# @default abc\nPORT=\n', '.env.example:2: @default does not match @type number for PORT'],
    ['bad boolean default', '# @type boolean @default yes\nB=\n', '.env.example:1: @default does not match @type boolean for B'],
    ['bad url default', '# @type url\n# @default /relative\nU=\n', '.env.example:2: @default does not match @type url for U'],
    ['enum default not a member', '# @type enum(a|b)\n# @default c\nE=\n', '.env.example:2: @default does not match @type enum(a|b) for E'],
    ['empty enum member', '# @type enum(a||b)\nE=\n', '.env.example:1: @type enum(...) has an empty member'],
    ['duplicate enum member', '# @type enum(a|a)\nE=\n', '.env.example:1: @type enum(...) lists a member twice'],
    ['unclosed enum', '# @type enum(a|b\nE=\n', ".env.example:1: @type enum(...) is missing its closing ')'"],
    ['unknown annotation', '# @optinal\nA=\n', '.env.example:1: unknown annotation @optinal (known: @type, @optional, @default, @secret)'],
    ['text after an annotation', '# @optional because reasons\nA=\n', '.env.example:1: unexpected text after @optional'],
    ['@default without a value', '# @default\nA=\n', '.env.example:1: @default needs a value'],
    ['conflicting @type in one block', '# @type number\n# @type string\nA=\n', '.env.example:2: conflicting @type annotations'],
    ['public secret', '# @secret\nNEXT_PUBLIC_KEY=\n', '.env.example:1: NEXT_PUBLIC_KEY cannot be @secret'],
    ['malformed line', 'A=1\nnot an assignment\n', '.env.example:2: expected NAME=value'],
    ['reserved name', 'constructor=1\n', '.env.example:1: constructor cannot be used as a variable name here'],
  ])('%s', (_name, text, message) => {
    expect(errors(text)[0]).toContain(message);
  });

  it('reports a duplicate key with conflicting annotations at the second declaration', () => {
    expect(errors('# @type number\nPORT=1\n\n# @type string\nPORT=2\n')).toEqual([
      '.env.example:5: duplicate key PORT conflicts with its declaration at line 2 (@type number vs @type string)',
    ]);
    expect(errors('# @optional\nA=\n# @secret\nA=\n')[0]).toMatch(/^\.env\.example:4: duplicate key A conflicts .*line 2/);
    expect(errors('# @default 1\nA=\n# @default 2\nA=\n')[0]).toMatch(/different @default/);
  });

  it('accepts duplicates that agree, and bare repeats in either order', () => {
    expect(specs('# @type number\nA=1\n# @type number\nA=2\n').A?.type).toEqual({ kind: 'number' });
    expect(specs('A=1\n# @type number\nA=2\n').A?.type).toEqual({ kind: 'number' });
    expect(specs('# @type number\nA=1\nA=2\n').A?.type).toEqual({ kind: 'number' });
  });

  it('reports problems of every file together, each with its own file name', () => {
    const lines = errors('# @type nope\nA=\n', [{ name: '.env.local', text: 'OK=1\nbroken line\n' }]);
    expect(lines).toEqual([
      '.env.example:1: unknown @type nope (use string, number, boolean, url or enum(a|b|c))',
      '.env.local:2: expected NAME=value',
    ]);
  });

  it('never puts a value from an env file into an error', () => {
    const lines = errors('# @type number\nPORT=SENTINEL_1\nbad SENTINEL_2 line\n', [{ name: '.env', text: 'X="SENTINEL_3\n' }]);
    expect(lines.join('\n')).not.toContain('SENTINEL');
  });
});

describe('buildSchema: the other env files', () => {
  it('types only .env.example names and warns about names found only elsewhere', () => {
    const result = buildSchema(example('A=\n'), [
      { name: '.env', text: 'A=1\nB=2\nB=3\n' },
      { name: '.env.local', text: 'C="multi\nline"\nA=2\n' },
    ]);
    expect(result.schema.vars.map((v) => v.name)).toEqual(['A']);
    expect(result.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
      '.env:2: B is not in .env.example, so it is not typed (add it there)',
      '.env.local:1: C is not in .env.example, so it is not typed (add it there)',
    ]);
  });

  it('ignores annotations in the other files', () => {
    const result = buildSchema(example('A=\n'), [{ name: '.env', text: '# @type nonsense\nA=1\n' }]);
    expect(result.schema.vars[0]?.type).toEqual({ kind: 'string' });
  });
});
