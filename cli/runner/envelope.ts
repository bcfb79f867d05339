/**
 * What a transform must never see or change: the BOM, the shebang line and CRLF line
 * endings. They are taken off before parsing and put back on the output exactly.
 */

export interface Envelope {
  readonly bom: boolean;
  /** The shebang line without its line break, e.g. `#!/usr/bin/env node`. */
  readonly shebang?: string;
  /** Every line break in the file is `\r\n`: the body is converted to `\n` and back. */
  readonly crlf: boolean;
}

/**
 * Splits `text` into its envelope and the body the parser sees. The shebang line becomes
 * an empty line, so line numbers in parse errors match the file.
 */
export function openEnvelope(text: string): { envelope: Envelope; body: string } {
  let body = text;
  const bom = body.startsWith('\uFEFF');
  if (bom) body = body.slice(1);
  let shebang: string | undefined;
  if (body.startsWith('#!')) {
    const end = body.search(/\r?\n/);
    shebang = end === -1 ? body : body.slice(0, end);
    body = body.slice(shebang.length);
  }
  const lf = (body.match(/\n/g) ?? []).length;
  const crlfCount = (body.match(/\r\n/g) ?? []).length;
  const crlf = lf > 0 && crlfCount === lf;
  if (crlf) body = body.replace(/\r\n/g, '\n');
  return { envelope: { bom, shebang, crlf }, body };
}

/** Puts the envelope back on a transformed body. */
export function closeEnvelope(envelope: Envelope, body: string): string {
  let text = body;
  if (envelope.shebang !== undefined) {
    // The body begins with the shebang's line break (if the file had more than the shebang).
    text = text === '' || text.startsWith('\n') ? `${envelope.shebang}${text}` : `${envelope.shebang}\n${text}`;
  }
  if (envelope.crlf) text = text.replace(/\r?\n/g, '\r\n');
  if (envelope.bom) text = `\uFEFF${text}`;
  return text;
}
