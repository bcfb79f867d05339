/**
 * The project index (lib/project-index) for the file being linted: on unless
 * `settings.fn.projectIndex` is false, with the user's extra runtime modules.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { openFileView } from '../../lib/project-index/file-view.js';
import { getProjectIndex, type ProjectIndex } from '../../lib/project-index/index.js';
import { readFnSettings } from './settings.js';

/** The file being linted: a new one opens a new view of the file system (lib/project-index/file-view.ts). */
let current: TSESLint.SourceCode | undefined;

export function projectIndexOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ProjectIndex {
  if (context.sourceCode !== current) {
    current = context.sourceCode;
    openFileView();
  }
  const settings = readFnSettings(context);
  return getProjectIndex({ enabled: settings.projectIndex, runtimeModules: settings.runtimeModules });
}
