/**
 * How typed values are read from strings. The generator validates `@default` values with
 * these rules and emits the same rules into the generated accessors, so both agree.
 */
import type { EnvType } from './annotations.js';

/** Decimal numbers: optional sign, digits with an optional fraction, optional exponent. */
export const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
export const TRUE_WORDS: readonly string[] = ['true', '1'];
export const FALSE_WORDS: readonly string[] = ['false', '0'];

/** Whether `raw` is a valid value of `type` (numbers and booleans ignore surrounding spaces). */
export function isValidValue(type: EnvType, raw: string): boolean {
  switch (type.kind) {
    case 'string':
      return true;
    case 'number':
      return NUMBER_PATTERN.test(raw.trim()) && Number.isFinite(Number(raw));
    case 'boolean': {
      const word = raw.trim().toLowerCase();
      return TRUE_WORDS.includes(word) || FALSE_WORDS.includes(word);
    }
    case 'url':
      return URL.canParse(raw);
    case 'enum':
      return type.members.includes(raw);
  }
}
