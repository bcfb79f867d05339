/**
 * Emits the `NodeJS.ProcessEnv` augmentation: the schema's variables (required ones as
 * `string`, the rest as `string | undefined`) and the catalog's system variables.
 */
import { ModuleDeclarationKind, StructureKind, type PropertySignatureStructure, type SourceFile } from 'ts-morph';
import { SYSTEM_ENV_VARS } from '../../lib/catalog.js';
import { jsDocSafe, SECRET_NOTE, variableDoc } from './doc-text.js';
import type { EnvSchema } from './schema.js';

export function emitDeclaration(file: SourceFile, schema: EnvSchema): void {
  const declared = new Set(schema.vars.map((v) => v.name));
  const properties: PropertySignatureStructure[] = [
    ...schema.vars.map((spec) => {
      const required = !spec.optional && spec.default === undefined;
      return property(spec.name, required, variableDoc(spec, 'raw'));
    }),
    ...SYSTEM_ENV_VARS.filter((v) => !declared.has(v.name)).map((v) =>
      property(v.name, false, [`System variable. ${jsDocSafe(v.doc)}`, ...(v.secret ? [SECRET_NOTE] : [])].join('\n')),
    ),
  ];

  file.addStatements(['/* eslint-disable */', 'export {};']);
  file.addModule({
    name: 'global',
    declarationKind: ModuleDeclarationKind.Global,
    hasDeclareKeyword: true,
    statements: [
      {
        kind: StructureKind.Module,
        name: 'NodeJS',
        declarationKind: ModuleDeclarationKind.Namespace,
        statements: [{ kind: StructureKind.Interface, name: 'ProcessEnv', properties }],
      },
    ],
  });
}

function property(name: string, required: boolean, doc: string): PropertySignatureStructure {
  return {
    kind: StructureKind.PropertySignature,
    name,
    hasQuestionToken: !required,
    type: required ? 'string' : 'string | undefined',
    docs: [doc],
  };
}
