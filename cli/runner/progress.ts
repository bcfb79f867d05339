/**
 * A one-line progress counter on a terminal's stderr, for runs long enough to need one.
 * Nothing at all when stderr is not a TTY (CI logs, pipes, tests).
 */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const SHOW_AFTER_MS = 500;
const REDRAW_EVERY_MS = 100;

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} };
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < SHOW_AFTER_MS || (now - lastDraw < REDRAW_EVERY_MS && done < total)) return;
      lastDraw = now;
      drawn = true;
      const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
      stream.write(`\r\x1b[2Kfn-codemod: ${done}/${total} files (${pct}%)`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
