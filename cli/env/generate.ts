/**
 * Generates both files in memory with ts-morph. Heavy (loads the TypeScript compiler):
 * only ever imported dynamically, when files must be (re)written or a check failed.
 */
import { IndentationText, NewLineKind, Project, QuoteKind, ts } from 'ts-morph';
import { emitDeclaration } from './emit-declaration.js';
import { emitModule } from './emit-module.js';
import { inputsHash, withHeader } from './header.js';
import type { EnvSchema } from './schema.js';

export interface GeneratedFiles {
  /** Text of the accessor module (env.generated.ts). */
  readonly module: string;
  /** Text of the ProcessEnv declaration file (process-env.generated.d.ts). */
  readonly declaration: string;
}

export function generateEnvFiles(schema: EnvSchema): GeneratedFiles {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });
  const inputs = inputsHash(schema);
  const render = (name: string, emit: (file: ReturnType<Project['createSourceFile']>) => void): string => {
    const file = project.createSourceFile(name, '', { overwrite: true });
    emit(file);
    file.formatText({
      indentSize: 2,
      tabSize: 2,
      convertTabsToSpaces: true,
      newLineCharacter: '\n',
      ensureNewLineAtEndOfFile: true,
      semicolons: ts.SemicolonPreference.Insert,
    });
    return withHeader(file.getFullText(), inputs);
  };
  return {
    module: render('/env.generated.ts', (file) => emitModule(file, schema)),
    declaration: render('/process-env.generated.d.ts', (file) => emitDeclaration(file, schema)),
  };
}
