import type { TSESLint } from '@typescript-eslint/utils';

/** `settings.fn` in the user's ESLint config. */
export interface FnSettings {
  /** Wrapper modules that re-export the API; added to the built-in module list. */
  readonly runtimeModules: readonly string[];
  /** Overrides the Next.js version read from package.json. */
  readonly nextVersion?: string;
  /** Follow imports into the project's own modules (lib/project-index); on unless set to false. */
  readonly projectIndex: boolean;
}

export function readFnSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FnSettings {
  const raw = (context.settings as { fn?: { runtimeModules?: unknown; nextVersion?: unknown; projectIndex?: unknown } }).fn ?? {};
  const runtimeModules = Array.isArray(raw.runtimeModules)
    ? raw.runtimeModules.filter((m): m is string => typeof m === 'string')
    : [];
  const nextVersion = typeof raw.nextVersion === 'string' ? raw.nextVersion : undefined;
  return { runtimeModules, nextVersion, projectIndex: raw.projectIndex !== false };
}
