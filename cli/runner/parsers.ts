/**
 * jscodeshift's parsers, loaded lazily: a run where no file passes the text filter never
 * loads jscodeshift, recast or Babel.
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { JSCodeshift } from 'jscodeshift';

export const PARSER_NAMES = ['babel', 'babylon', 'flow', 'ts', 'tsx'] as const;
/** `dts`: the ts parser in declaration-file mode, chosen by extension for `.d.ts` files. */
export type ParserName = (typeof PARSER_NAMES)[number] | 'dts';

interface BabelOptions {
  plugins: (string | [string, object])[];
}

export interface Parser {
  parse(source: string): unknown;
}

interface Core {
  withParser(parser: string | Parser): JSCodeshift;
}

const require = createRequire(import.meta.url);
let core: Core | undefined;
let getParser: ((name: string) => Parser) | undefined;
const bound = new Map<ParserName, JSCodeshift>();
const parsers = new Map<ParserName, Parser>();

/** The parser for a file: `override` (--parser) or by extension. */
export function parserFor(filename: string, override?: ParserName): ParserName {
  if (override) return override;
  const ext = extname(filename).toLowerCase();
  if (/\.d\.[cm]?ts$/i.test(filename)) return 'dts';
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'ts';
  if (ext === '.tsx') return 'tsx';
  return 'babel';
}

/** jscodeshift bound to the named parser. */
export function jscodeshiftFor(name: ParserName): JSCodeshift {
  let j = bound.get(name);
  if (!j) {
    core ??= require('jscodeshift/src/core') as Core;
    j = core.withParser(name === 'dts' ? rawParser('dts') : name);
    bound.set(name, j);
  }
  return j;
}

/** The bare parser (for checking that output parses, without recast's bookkeeping). */
export function rawParser(name: ParserName): Parser {
  let p = parsers.get(name);
  if (!p) {
    getParser ??= require('jscodeshift/src/getParser') as (name: string) => Parser;
    p = name === 'dts' ? declarationParser() : getParser(name);
    parsers.set(name, p);
  }
  return p;
}

/** jscodeshift's TypeScript options with Babel's declaration-file mode on. */
function declarationParser(): Parser {
  const tsOptions = require('jscodeshift/parser/tsOptions') as BabelOptions;
  const babylon = require('jscodeshift/parser/babylon') as (options: object) => Parser;
  return babylon({
    ...tsOptions,
    plugins: [...tsOptions.plugins.filter((p) => p !== 'typescript'), ['typescript', { dts: true }]],
  });
}
