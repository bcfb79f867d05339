/**
 * A problem in an env file, reported as `file:line: what is wrong`. Messages name
 * variables and annotations, never a variable's value.
 */
export interface EnvIssue {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatIssue(issue: EnvIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** Thrown when an env file cannot be used; carries every issue found, in file order. */
export class EnvInputError extends Error {
  readonly issues: readonly EnvIssue[];

  constructor(issues: readonly EnvIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'EnvInputError';
    this.issues = issues;
  }
}
