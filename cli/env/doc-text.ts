/**
 * Text helpers for generated code: string literals and JSDoc lines built from schema
 * facts (names, annotations, docs), never from variable values.
 */
import { typeLabel } from './annotations.js';
import type { EnvVarSpec } from './schema.js';

/** A single-quoted TypeScript string literal. */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${json}'`;
}

/** Makes free text safe inside a JSDoc block. */
export function jsDocSafe(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

export const SECRET_NOTE = 'Secret: keep it out of logs, error messages, responses and client code.';

/** JSDoc for a variable: its docs from .env.example, then what the annotations mean. */
export function variableDoc(spec: EnvVarSpec, view: 'accessor' | 'raw'): string {
  const lines = spec.docs.map(jsDocSafe);
  if (lines.length > 0) lines.push('');
  const facts: string[] = [];
  if (view === 'accessor') {
    facts.push(`Type: \`${typeLabel(spec.type)}\`${spec.type.kind === 'url' ? ' (an absolute URL, returned as a string)' : ''}.`);
  } else if (spec.type.kind !== 'string') {
    facts.push(`Raw string; \`env.${spec.name}\` reads it as \`${typeLabel(spec.type)}\`.`);
  }
  if (spec.default !== undefined) facts.push(`Default: \`${jsDocSafe(spec.default).replace(/`/g, "'")}\`.`);
  else facts.push(spec.optional ? 'Optional.' : 'Required.');
  lines.push(facts.join(' '));
  if (spec.public) lines.push('Client-safe: Next.js inlines NEXT_PUBLIC_ variables into client bundles.');
  if (spec.secret) lines.push(SECRET_NOTE);
  return lines.join('\n');
}
