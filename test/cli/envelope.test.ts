/** The BOM / shebang / CRLF envelope the runner takes off before parsing and puts back. */
import { describe, expect, it } from 'vitest';
import { closeEnvelope, openEnvelope } from '../../cli/runner/envelope.js';

describe('envelope', () => {
  it.each([
    ['plain', 'a;\nb;\n'],
    ['crlf', 'a;\r\nb;\r\n'],
    ['bom + crlf', '\uFEFFa;\r\nb;\r\n'],
    ['shebang', '#!/usr/bin/env node\na;\n'],
    ['shebang + crlf + bom', '\uFEFF#!/usr/bin/env node\r\na;\r\n'],
    ['shebang only', '#!/usr/bin/env node'],
    ['mixed endings', 'a;\r\nb;\nc;\r\n'],
  ])('round-trips %s unchanged', (_name, text) => {
    const { envelope, body } = openEnvelope(text);
    expect(body.startsWith('\uFEFF')).toBe(false);
    expect(body.startsWith('#!')).toBe(false);
    expect(closeEnvelope(envelope, body)).toBe(text);
  });

  it('keeps line numbers: the shebang line becomes an empty line', () => {
    const { body } = openEnvelope('#!/usr/bin/env node\r\nfoo(;\r\n');
    expect(body).toBe('\nfoo(;\n');
  });

  it('puts CRLF back on transformed text, and a shebang above an import added at the top', () => {
    const { envelope } = openEnvelope('#!/usr/bin/env node\r\na;\r\n');
    expect(closeEnvelope(envelope, "import x from 'x';\n\na;\n")).toBe("#!/usr/bin/env node\r\nimport x from 'x';\r\n\r\na;\r\n");
  });
});
