/**
 * Whether an export of a parsed module is itself request-handling code of that module (a
 * route handler, a server action, a framework export), decided by the same policy the rules
 * use (lib/handler-policy.ts). Work such an export drops is reported where it is, when that
 * module is linted, so a caller in another module is not told again.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { directivesOf } from '../estree/ast.js';
import { pathRole } from '../file-role.js';
import { defaultExportKind, handlerFile, namedExportShape } from '../handler-policy.js';
import type { ParsedModule } from './parsed-module.js';

export function isHandlerExport(mod: ParsedModule, name: string): boolean {
  const directives = directivesOf(mod.ast.body);
  if (directives.includes('use client')) return false;
  const imported = mod.ast.body.flatMap((s) => (s.type === AST_NODE_TYPES.ImportDeclaration ? [s.source.value] : []));
  const file = handlerFile(mod.path, pathRole(mod.path), directives.includes('use server'), imported);
  if (name === 'default') return defaultExportKind(file) !== undefined;
  return namedExportShape(name, file) !== undefined;
}
