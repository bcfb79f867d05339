import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../cli/env/dotenv-parser.js';

const entries = (text: string): [string, string][] => {
  const result = parseDotenv(text);
  expect(result.issues).toEqual([]);
  return result.entries.map((e) => [e.key, e.value]);
};

describe('parseDotenv: syntax', () => {
  it('reads plain, exported, spaced and empty assignments', () => {
    expect(entries('A=1\nexport B=two\n  C = three  \nD=\nexport=5\n')).toEqual([
      ['A', '1'],
      ['B', 'two'],
      ['C', 'three'],
      ['D', ''],
      ['export', '5'],
    ]);
  });

  it('strips inline comments from unquoted values only', () => {
    expect(entries('A=abc # note\nB=#not-a-value\nC=a#b\nD="x # y" # z\nE=\'p#q\'\n')).toEqual([
      ['A', 'abc'],
      ['B', ''],
      ['C', 'a#b'],
      ['D', 'x # y'],
      ['E', 'p#q'],
    ]);
  });

  it('reads single, double and backtick quotes; only double quotes expand escapes', () => {
    expect(entries('A=\'a\\nb\'\nB="a\\nb\\t\\"c\\" \\\\ \\q"\nC=`it\'s "x"`\n')).toEqual([
      ['A', 'a\\nb'],
      ['B', 'a\nb\t"c" \\ \\q'],
      ['C', 'it\'s "x"'],
    ]);
  });

  it('reads multi-line quoted values and keeps counting lines', () => {
    const result = parseDotenv('KEY="line 1\nline 2\n# not a comment\n"\nNEXT=1\nS=\'a\nb\'\n');
    expect(result.issues).toEqual([]);
    expect(result.entries.map((e) => [e.key, e.value, e.line])).toEqual([
      ['KEY', 'line 1\nline 2\n# not a comment\n', 1],
      ['NEXT', '1', 5],
      ['S', 'a\nb', 6],
    ]);
  });

  it('handles CRLF line endings and a BOM', () => {
    expect(entries('\uFEFFA=1\r\nB="x\r\ny"\r\n')).toEqual([
      ['A', '1'],
      ['B', 'x\ny'],
    ]);
  });

  it('attaches only the comment lines directly above a key', () => {
    const result = parseDotenv('# file header\n\n# doc 1\n#doc 2\nA=1\nB=2\n# orphan\n\nC=3\n');
    expect(result.entries.map((e) => [e.key, e.comments.map((c) => [c.line, c.text])])).toEqual([
      ['A', [[3, ' doc 1'], [4, 'doc 2']]],
      ['B', []],
      ['C', []],
    ]);
  });
});

describe('parseDotenv: malformed lines', () => {
  it.each([
    ['no equals sign', 'A=1\nJUSTANAME\n', 2, /expected '=' after the variable name/],
    ['free text', 'some words here\n', 1, /expected NAME=value/],
    ['missing name', '=value\n', 1, /missing variable name/],
    ['invalid name', '1ABC=1\n', 1, /invalid variable name/],
    ['dashed name', 'MY-KEY=1\n', 1, /invalid variable name/],
    ['text after quotes', 'A="x" y\n', 1, /unexpected text after the closing quote/],
    ['unterminated double quote', 'A=1\nB="abc\nC=2\n', 2, /unterminated double-quoted value/],
    ['unterminated single quote', "A='abc\n", 1, /unterminated single-quoted value/],
    ['unterminated backtick', 'A=`abc\n', 1, /unterminated backtick-quoted value/],
  ])('%s', (_name, text, line, message) => {
    const result = parseDotenv(text);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.line).toBe(line);
    expect(result.issues[0]?.message).toMatch(message);
  });

  it('reports every malformed line, not only the first', () => {
    expect(parseDotenv('BAD\nOK=1\nALSO BAD=2\n').issues.map((i) => i.line)).toEqual([1, 3]);
  });

  it('never quotes the text of a malformed line (it may be a pasted secret)', () => {
    const secret = 'sk_live_SENTINEL123';
    for (const text of [`${secret}\n`, `${secret} x=1\n`, `A="${secret}" ${secret}\n`, `A="${secret}\n`]) {
      const { issues } = parseDotenv(text);
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(issue.message).not.toContain('SENTINEL');
    }
  });
});

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/);

/** Serialises a value so that parseDotenv reads it back unchanged. */
function quoteDouble(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

describe('parseDotenv: properties', () => {
  it('never throws; it returns entries and issues with line numbers inside the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = parseDotenv(text);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const item of [...result.entries, ...result.issues]) {
          expect(item.line).toBeGreaterThanOrEqual(1);
          expect(item.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on inputs made of dotenv-ish fragments', () => {
    const fragment = fc.constantFrom('A', 'export ', '=', '"', "'", '`', '#', ' ', '\n', '\r\n', '\\', 'x', '1', '_B', '\t');
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 80 }), (parts) => {
        const result = parseDotenv(parts.join(''));
        expect(Array.isArray(result.entries) && Array.isArray(result.issues)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips names and arbitrary values through double quotes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ unit: 'grapheme', maxLength: 40 })), { maxLength: 12 }), fc.boolean(), (pairs, exported) => {
        const text = pairs.map(([k, v]) => `${exported ? 'export ' : ''}${k}=${quoteDouble(v)}`).join('\n');
        const result = parseDotenv(text);
        expect(result.issues).toEqual([]);
        expect(result.entries.map((e) => [e.key, e.value])).toEqual(pairs);
      }),
    );
  });

  it('round-trips multi-line values written literally inside double quotes', () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '#', "'", '='), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 8 }), (pairs) => {
        const text = pairs.map(([k, v]) => `${k}="${v}"`).join('\n');
        const result = parseDotenv(text);
        expect(result.issues).toEqual([]);
        expect(result.entries.map((e) => [e.key, e.value])).toEqual(pairs);
      }),
    );
  });

  it('round-trips names with plain unquoted values, comments and blank lines around them', () => {
    const plain = fc.stringMatching(/^[A-Za-z0-9_.:/@-]{0,20}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, plain, fc.boolean()), { maxLength: 12 }), (rows) => {
        const text = rows.map(([k, v, noted]) => (noted ? `# about ${k}\n${k}=${v} # inline\n` : `\n${k}=${v}`)).join('\n');
        const result = parseDotenv(text);
        expect(result.issues).toEqual([]);
        expect(result.entries.map((e) => [e.key, e.value])).toEqual(rows.map(([k, v]) => [k, v]));
      }),
    );
  });
});
