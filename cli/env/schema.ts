/**
 * Builds the env schema from `.env.example` (names, docs, annotations) and checks the
 * names of the other env files against it.
 *
 * Only `.env.example` shapes the generated files: `.env.local` and friends are usually
 * git-ignored, so letting their names in would make the output differ between a
 * developer's machine and CI. Names found only in those files are reported as warnings.
 */
import { PUBLIC_ENV_PREFIX } from '../../lib/catalog.js';
import { readAnnotations, sameType, typeLabel, type Annotations, type EnvType } from './annotations.js';
import { parseDotenv, type DotenvEntry } from './dotenv-parser.js';
import { EnvInputError, type EnvIssue } from './input-error.js';
import { isValidValue } from './value-rules.js';

export interface EnvFileText {
  /** The file's name as shown in messages, e.g. `.env.example`. */
  readonly name: string;
  readonly text: string;
}

export interface EnvVarSpec {
  readonly name: string;
  readonly type: EnvType;
  /** `@optional`: may be unset, reads as undefined. */
  readonly optional: boolean;
  /** `@default`: used when unset; validated against the type. */
  readonly default?: string;
  readonly secret: boolean;
  readonly docs: readonly string[];
  /** `NEXT_PUBLIC_*`: inlined into client bundles, so client-safe. */
  readonly public: boolean;
}

export interface EnvSchema {
  /** Sorted by name. */
  readonly vars: readonly EnvVarSpec[];
}

export interface SchemaResult {
  readonly schema: EnvSchema;
  readonly warnings: readonly EnvIssue[];
}

/** Names a getter in the generated classes cannot have. */
const RESERVED_NAMES = new Set(['constructor', '__proto__']);

/** Throws EnvInputError listing every problem in every file. */
export function buildSchema(example: EnvFileText, others: readonly EnvFileText[]): SchemaResult {
  const issues: EnvIssue[] = [];
  const parsed = parseDotenv(example.text);
  for (const issue of parsed.issues) issues.push({ file: example.name, ...issue });

  const specs = new Map<string, { spec: EnvVarSpec; line: number; annotations: Annotations; annotated: boolean }>();
  for (const entry of parsed.entries) {
    const result = specFromEntry(entry, example.name, issues);
    if (!result) continue;
    const earlier = specs.get(entry.key);
    const docs = (a: EnvVarSpec, b: EnvVarSpec): readonly string[] => (a.docs.length > 0 ? a.docs : b.docs);
    if (!earlier || (!earlier.annotated && result.annotated)) {
      // First declaration, or the first annotated one after bare ones (its docs win).
      const spec = earlier ? { ...result.spec, docs: docs(result.spec, earlier.spec) } : result.spec;
      specs.set(entry.key, { spec, line: entry.line, annotations: result.annotations, annotated: result.annotated });
      continue;
    }
    // A bare repeat (no annotations) agrees with anything; annotated ones must match.
    const conflict = result.annotated ? describeConflict(earlier.annotations, result.annotations) : undefined;
    if (conflict) {
      issues.push({
        file: example.name,
        line: entry.line,
        message: `duplicate key ${entry.key} conflicts with its declaration at line ${earlier.line} (${conflict})`,
      });
    } else {
      specs.set(entry.key, { ...earlier, spec: { ...earlier.spec, docs: docs(earlier.spec, result.spec) } });
    }
  }

  const warnings: EnvIssue[] = [];
  for (const other of others) {
    const names = parseDotenv(other.text);
    for (const issue of names.issues) issues.push({ file: other.name, ...issue });
    const warned = new Set<string>();
    for (const entry of names.entries) {
      if (specs.has(entry.key) || warned.has(entry.key)) continue;
      warned.add(entry.key);
      warnings.push({
        file: other.name,
        line: entry.line,
        message: `${entry.key} is not in ${example.name}, so it is not typed (add it there)`,
      });
    }
  }

  if (issues.length > 0) throw new EnvInputError(issues);
  const vars = [...specs.values()].map((s) => s.spec).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { schema: { vars }, warnings };
}

function specFromEntry(
  entry: DotenvEntry,
  file: string,
  issues: EnvIssue[],
): { spec: EnvVarSpec; annotations: Annotations; annotated: boolean } | undefined {
  const read = readAnnotations(entry.comments);
  const before = issues.length;
  for (const issue of read.issues) issues.push({ file, ...issue });

  const { annotations } = read;
  const type = annotations.type ?? { kind: 'string' };
  const isPublic = entry.key.startsWith(PUBLIC_ENV_PREFIX);
  const fail = (message: string): void => {
    issues.push({ file, line: annotationLine(entry, message.startsWith('@default') ? '@default' : '@secret'), message });
  };
  if (RESERVED_NAMES.has(entry.key)) {
    issues.push({ file, line: entry.line, message: `${entry.key} cannot be used as a variable name here` });
  }
  if (annotations.default !== undefined && !isValidValue(type, annotations.default)) {
    fail(`@default does not match @type ${typeLabel(type)} for ${entry.key}`);
  }
  if (annotations.secret && isPublic) {
    fail(`${entry.key} cannot be @secret: ${PUBLIC_ENV_PREFIX} variables are inlined into client bundles`);
  }
  if (issues.length > before) return undefined;

  const spec: EnvVarSpec = {
    name: entry.key,
    type,
    optional: annotations.optional,
    ...(annotations.default === undefined ? {} : { default: annotations.default }),
    secret: annotations.secret,
    docs: read.docs,
    public: isPublic,
  };
  return { spec, annotations, annotated: read.annotated };
}

/** The line of the comment holding `annotation`, else the key's line. */
function annotationLine(entry: DotenvEntry, annotation: string): number {
  const found = entry.comments.find((c) => c.text.includes(annotation));
  return found ? found.line : entry.line;
}

function describeConflict(a: Annotations, b: Annotations): string | undefined {
  const typeA = a.type ?? { kind: 'string' };
  const typeB = b.type ?? { kind: 'string' };
  if (!sameType(typeA, typeB)) return `@type ${typeLabel(typeA)} vs @type ${typeLabel(typeB)}`;
  if (a.optional !== b.optional) return '@optional on one only';
  if (a.secret !== b.secret) return '@secret on one only';
  if (a.default !== b.default) return 'different @default';
  return undefined;
}
