// Accuracy without types (SPEC "Quality bars"): on a project with a tsconfig, the share of
// `recommended-type-checked`'s background-work findings that untyped `recommended` also finds,
// and the untyped findings the typed config does not make (it judged the value no promise).
import { lintProject } from './project-lint.mjs';

export const BACKGROUND_RULE = 'fn/no-floating-background-promise';
export const AGREEMENT_TARGET = 0.9;

const at = (finding) => `${finding.file}:${finding.line}:${finding.column}`;

/** @param {{ dir: string, plugin: object, files?: string[] }} options */
export async function agreement({ dir, plugin, files }) {
  const [untyped, typed] = await Promise.all(
    ['recommended', 'recommended-type-checked'].map((configName) => lintProject({ dir, plugin, configName, files })),
  );
  const pick = (run) => run.findings.filter((finding) => finding.rule === BACKGROUND_RULE);
  const untypedFindings = pick(untyped);
  const typedFindings = pick(typed);
  const untypedAt = new Set(untypedFindings.map(at));
  const typedAt = new Set(typedFindings.map(at));
  return {
    typed: typedFindings.length,
    untyped: untypedFindings.length,
    shared: typedFindings.filter((finding) => untypedAt.has(at(finding))).length,
    typedOnly: typedFindings.filter((finding) => !untypedAt.has(at(finding))),
    untypedOnly: untypedFindings.filter((finding) => !typedAt.has(at(finding))),
    crashes: [...untyped.crashes.map((crash) => ({ ...crash, config: 'recommended' })), ...typed.crashes.map((crash) => ({ ...crash, config: 'recommended-type-checked' }))],
  };
}
