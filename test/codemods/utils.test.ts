/**
 * The shared jscodeshift helpers every transform builds on: import resolution
 * (codemods/utils/api-bindings) and the import editor (codemods/utils/imports).
 */
import type { FileInfo } from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { jscodeshiftFor, type ParserName } from '../../cli/runner/parsers.js';
import { collectApiBindings, findApiUses } from '../../codemods/utils/api-bindings.js';
import { ImportEditor } from '../../codemods/utils/imports.js';

function parse(source: string, parser: ParserName = 'ts') {
  const j = jscodeshiftFor(parser);
  return { j, root: j(source) };
}

function usesOf(source: string, names: string[], parser: ParserName = 'ts', runtimeModules: string[] = []): string[] {
  const { j, root } = parse(source, parser);
  return findApiUses(j, root, names, runtimeModules).uses.map((u) => `${u.exportName}@${u.module}:${u.binding?.form ?? 'direct'}`);
}

describe('api-bindings', () => {
  it.each<[string, ParserName, string]>([
    ["import { waitUntil } from '@vercel/functions';\nwaitUntil(p);", 'ts', 'waitUntil@@vercel/functions:named'],
    ["import { waitUntil as wu } from '@fn-kit/functions';\nwu(p);", 'ts', 'waitUntil@@fn-kit/functions:named'],
    ["import * as fns from '@vercel/functions';\nfns.waitUntil(p);", 'ts', 'waitUntil@@vercel/functions:namespace'],
    ["import * as fns from '@vercel/functions';\nfns['waitUntil'](p);", 'ts', 'waitUntil@@vercel/functions:namespace'],
    ["import fns from '@vercel/functions';\nfns.waitUntil(p);", 'babel', 'waitUntil@@vercel/functions:default'],
    ["const { waitUntil: wu = x } = require('@vercel/functions');\nwu(p);", 'babel', 'waitUntil@@vercel/functions:require'],
    ["const fns = require('@vercel/functions');\nfns?.waitUntil(p);", 'babel', 'waitUntil@@vercel/functions:require-namespace'],
    ["require('@vercel/functions').waitUntil(p);", 'babel', 'waitUntil@@vercel/functions:direct'],
  ])('resolves %j', (source, parser, expected) => {
    expect(usesOf(source, ['waitUntil'], parser)).toEqual([expected]);
  });

  it('ignores shadowing locals, other modules, type-only imports and non-exported names', () => {
    const source = [
      "import { waitUntil } from '@vercel/functions';",
      "import { waitUntil as other } from './queue';",
      "import type { Geo } from '@vercel/functions';",
      "import * as fns from '@vercel/functions/oidc';",
      'function f(waitUntil: unknown) { (waitUntil as any)(p); }',
      'other(p); fns.waitUntil(p); const o = { waitUntil: 1 }; o.waitUntil;',
      'waitUntil(p);',
    ].join('\n');
    expect(usesOf(source, ['waitUntil', 'Geo'])).toEqual(['waitUntil@@vercel/functions:named']);
  });

  it('treats --runtime-module wrappers as providing every API name', () => {
    expect(usesOf("import { waitUntil } from '@acme/fns';\nwaitUntil(p);", ['waitUntil'], 'ts', ['@acme/fns'])).toEqual([
      'waitUntil@@acme/fns:named',
    ]);
    expect(usesOf("import { waitUntil } from '@acme/fns';\nwaitUntil(p);", ['waitUntil'])).toEqual([]);
  });

  it('lists type-only bindings as such', () => {
    const { j, root } = parse("import { type Geo, geolocation } from '@vercel/functions';");
    expect(collectApiBindings(j, root).map((b) => [b.local, b.typeOnly])).toEqual([
      ['Geo', true],
      ['geolocation', false],
    ]);
  });
});

function edit(source: string, filename: string, change: (editor: ImportEditor) => void, parser: ParserName = 'ts'): string {
  const { j, root } = parse(source, parser);
  const file: FileInfo = { path: filename, source };
  const editor = new ImportEditor(j, root, file);
  change(editor);
  return editor.print();
}

describe('ImportEditor', () => {
  it('merges into an existing import of the module', () => {
    const out = edit("import { NextResponse } from 'next/server';\n\nexport const x = 1;\n", 'a.ts', (e) => {
      expect(e.ensure({ module: 'next/server', name: 'after' })).toBe('after');
    });
    expect(out).toBe("import { NextResponse, after } from 'next/server';\n\nexport const x = 1;\n");
  });

  it('adds a new import after the last import, in the file\'s quote style, with a free name', () => {
    const source = 'import a from "a";\nimport b from "b";\n\nconst after = 1;\n';
    const out = edit(source, 'a.ts', (e) => {
      expect(e.ensure({ module: 'next/server', name: 'after', aliases: ['nextAfter'] })).toBe('nextAfter');
    });
    expect(out).toBe('import a from "a";\nimport b from "b";\nimport { after as nextAfter } from "next/server";\n\nconst after = 1;\n');
  });

  it('reuses an existing binding, including through a namespace import', () => {
    edit("import { geolocation as geo } from '@fn-kit/functions';\n", 'a.ts', (e) => {
      expect(e.ensure({ module: '@vercel/functions', name: 'geolocation', reuseFrom: (s) => s === '@fn-kit/functions' })).toBe('geo');
    });
    edit("import * as fns from '@vercel/functions';\n", 'a.ts', (e) => {
      expect(e.ensure({ module: '@vercel/functions', name: 'ipAddress' })).toBe('fns.ipAddress');
    });
  });

  it('writes require in CommonJS files, merging into an existing destructuring', () => {
    const out = edit("const { getEnv } = require('@vercel/functions');\nmodule.exports = getEnv;\n", 'a.js', (e) => {
      e.ensure({ module: '@vercel/functions', name: 'waitUntil' });
    }, 'babel');
    expect(out).toBe("const { getEnv, waitUntil } = require('@vercel/functions');\nmodule.exports = getEnv;\n");
    const fresh = edit('module.exports = 1;\n', 'a.cjs', (e) => {
      e.ensure({ module: 'next/server', name: 'after' });
    }, 'babel');
    expect(fresh).toBe("const { after } = require('next/server');\n\nmodule.exports = 1;\n");
  });

  it('adds a type import as `import type` or an inline `type` specifier', () => {
    expect(edit('export const x = 1;\n', 'a.ts', (e) => e.ensure({ module: '@vercel/functions', name: 'Geo', typeOnly: true }))).toBe(
      "import type { Geo } from '@vercel/functions';\n\nexport const x = 1;\n",
    );
    expect(
      edit("import { geolocation } from '@vercel/functions';\n", 'a.ts', (e) => e.ensure({ module: '@vercel/functions', name: 'Geo', typeOnly: true })),
    ).toBe("import { geolocation, type Geo } from '@vercel/functions';\n");
  });

  it('removes an emptied import and hands its comments to the next statement', () => {
    const source = "// header\nimport { waitUntil } from '@vercel/functions';\nexport const x = 1;\n";
    const { j, root } = parse(source);
    const editor = new ImportEditor(j, root, { path: 'a.ts', source });
    for (const b of collectApiBindings(j, root)) editor.removeBinding(b);
    expect(editor.print()).toBe('// header\nexport const x = 1;\n');
  });

  it('places a new import after directives, keeping their semicolons and the blank line after them', () => {
    const out = edit("'use server';\n\nexport async function a() {}\n", 'a.ts', (e) => {
      e.ensure({ module: 'next/server', name: 'after' });
    });
    expect(out).toBe("'use server';\n\nimport { after } from 'next/server';\n\nexport async function a() {}\n");
  });
});
