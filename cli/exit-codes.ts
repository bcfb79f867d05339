/** The CLI's exit codes (SPEC, "CLI contract"). */
export const exitCodes = {
  /** Every file was processed (or the check passed). */
  ok: 0,
  /** Some file failed, or a check found differences; the rest were still processed. */
  failure: 1,
  /** Bad usage: unknown transform, bad option value. */
  usage: 2,
} as const;
