/**
 * The project index (lib/project-index) for the file being linted: on unless
 * `settings.fn.projectIndex` is false, with the user's extra runtime modules.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { getProjectIndex, type ProjectIndex } from '../../lib/project-index/index.js';
import { readFnSettings } from './settings.js';

export function projectIndexOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ProjectIndex {
  const settings = readFnSettings(context);
  return getProjectIndex({ enabled: settings.projectIndex, runtimeModules: settings.runtimeModules });
}
