/**
 * A dotenv parser that keeps what the generator needs: each key, the line it is on and
 * the comment lines directly above it. Syntax (the common dotenv dialect):
 *
 * - `KEY=value` and `export KEY=value`; spaces around `=` are allowed.
 * - Names: letters, digits and `_`, not starting with a digit.
 * - Unquoted values end at a `#` that starts the value or follows whitespace (an inline
 *   comment); surrounding whitespace is trimmed. `KEY=` is an empty value.
 * - 'single', "double" and `backtick` quoted values may span lines. Double-quoted values
 *   expand `\n`, `\r`, `\t`, `\"` and `\\`; the others are literal. After the closing
 *   quote only whitespace and a `# comment` may follow.
 * - `# comment` lines and blank lines. A blank line ends a comment block, so only comment
 *   lines directly above a key are its comments.
 *
 * It never throws: problems come back as issues (line + message). Messages never quote
 * a value, and never quote any text of a malformed line (it may be a pasted secret).
 */

export interface DotenvComment {
  readonly line: number;
  /** The text after `#`, untrimmed. */
  readonly text: string;
}

export interface DotenvEntry {
  readonly key: string;
  /** Held in memory for validation and tests only; generated output never contains it. */
  readonly value: string;
  /** 1-based line of the key. */
  readonly line: number;
  /** Comment lines directly above the key, top to bottom. */
  readonly comments: readonly DotenvComment[];
}

export interface DotenvLineIssue {
  readonly line: number;
  readonly message: string;
}

export interface DotenvParseResult {
  readonly entries: readonly DotenvEntry[];
  readonly issues: readonly DotenvLineIssue[];
}

export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const QUOTE_NAMES: Record<string, string> = { '"': 'double-quoted', "'": 'single-quoted', '`': 'backtick-quoted' };
const DOUBLE_QUOTE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function parseDotenv(source: string): DotenvParseResult {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const entries: DotenvEntry[] = [];
  const issues: DotenvLineIssue[] = [];
  let comments: DotenvComment[] = [];

  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const text = (lines[index] ?? '').trimStart();
    if (text === '') {
      comments = [];
      continue;
    }
    if (text.startsWith('#')) {
      comments.push({ line: lineNumber, text: text.slice(1) });
      continue;
    }

    const assignment = splitAssignment(text);
    if (typeof assignment === 'string') {
      issues.push({ line: lineNumber, message: assignment });
      comments = [];
      continue;
    }

    const value = readValue(assignment.rest, lines, index);
    if ('problem' in value) {
      issues.push({ line: lineNumber, message: value.problem });
      if (value.fatal) break;
      comments = [];
      index = value.lastIndex;
      continue;
    }
    entries.push({ key: assignment.key, value: value.value, line: lineNumber, comments });
    comments = [];
    index = value.lastIndex;
  }
  return { entries, issues };
}

function splitAssignment(text: string): { key: string; rest: string } | string {
  let body = text;
  const exported = /^export\s+/.exec(body);
  if (exported && !body.slice(exported[0].length).startsWith('=')) body = body.slice(exported[0].length);

  const equals = body.indexOf('=');
  if (equals < 0) {
    return ENV_NAME_PATTERN.test(body.trimEnd())
      ? "expected '=' after the variable name (write NAME= for an empty value)"
      : 'expected NAME=value';
  }
  const key = body.slice(0, equals).trimEnd();
  if (key === '') return "missing variable name before '='";
  if (!ENV_NAME_PATTERN.test(key)) {
    return 'invalid variable name (use letters, digits and _, not starting with a digit)';
  }
  return { key, rest: body.slice(equals + 1).replace(/^[ \t]+/, '') };
}

type ValueResult =
  | { readonly value: string; readonly lastIndex: number }
  | { readonly problem: string; readonly fatal: boolean; readonly lastIndex: number };

function readValue(rest: string, lines: readonly string[], index: number): ValueResult {
  const quote = rest[0];
  if (quote === '"' || quote === "'" || quote === '`') return readQuoted(quote, rest.slice(1), lines, index);

  // Unquoted: an inline comment starts at a '#' that begins the value or follows whitespace.
  const comment = /(^|[ \t])#/.exec(rest);
  const value = (comment ? rest.slice(0, comment.index) : rest).trim();
  return { value, lastIndex: index };
}

function readQuoted(quote: string, firstLine: string, lines: readonly string[], index: number): ValueResult {
  let value = '';
  let lineIndex = index;
  let text = firstLine;
  for (;;) {
    const close = findClosingQuote(text, quote);
    if (close >= 0) {
      value += quote === '"' ? unescapeDouble(text.slice(0, close)) : text.slice(0, close);
      const after = text.slice(close + 1).trim();
      if (after !== '' && !after.startsWith('#')) {
        return { problem: 'unexpected text after the closing quote', fatal: false, lastIndex: lineIndex };
      }
      return { value, lastIndex: lineIndex };
    }
    value += (quote === '"' ? unescapeDouble(text) : text) + '\n';
    lineIndex++;
    if (lineIndex >= lines.length) {
      return { problem: `unterminated ${QUOTE_NAMES[quote]} value (no closing ${quote})`, fatal: true, lastIndex: lineIndex };
    }
    text = lines[lineIndex] ?? '';
  }
}

/** Index of the closing quote in `text`, or -1; in double quotes a backslash escapes the next character. */
function findClosingQuote(text: string, quote: string): number {
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote === '"' && char === '\\') {
      i++;
      continue;
    }
    if (char === quote) return i;
  }
  return -1;
}

function unescapeDouble(text: string): string {
  return text.replace(/\\(.)/g, (escape, char: string) => DOUBLE_QUOTE_ESCAPES[char] ?? escape);
}
