// The `waitUntil` import the rules' suggestions add, and where they add it.
export const W = `import { waitUntil } from '@vercel/functions';\n`;

/** `code` with the waitUntil import after the file's last import, or first. */
export function withImport(code: string): string {
  const lines = code.split('\n');
  let last = -1;
  lines.forEach((l, i) => {
    if (l.startsWith('import ')) last = i;
  });
  lines.splice(last + 1, 0, W.trimEnd());
  return lines.join('\n');
}
