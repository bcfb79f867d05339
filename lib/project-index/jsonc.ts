/**
 * JSON with comments and trailing commas (tsconfig.json, jsconfig.json): parsed without
 * evaluating anything. Undefined when the text is not such JSON.
 */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(dropTrailingCommas(dropComments(text.replace(/^\uFEFF/, ''))));
  } catch {
    return undefined;
  }
}

/** Copies a string literal starting at `i` (a `"`) to `out`; returns the index after it. */
function copyString(text: string, i: number, out: string[]): number {
  const start = i++;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  out.push(text.slice(start, ++i));
  return i;
}

function dropComments(text: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') i = copyString(text, i, out);
    else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out.push(c);
      i++;
    }
  }
  return out.join('');
}

function dropTrailingCommas(text: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      i = copyString(text, i, out);
      continue;
    }
    if (c === ',') {
      let k = i + 1;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      if (text[k] === '}' || text[k] === ']') {
        i++;
        continue;
      }
    }
    out.push(c);
    i++;
  }
  return out.join('');
}
