/**
 * A progress bar on stderr for long work (cli-progress on a terminal, a line per 10% otherwise).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

export function createProgress(title: string, enabled: boolean): Progress {
  if (!enabled) return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${title} [{bar}] {percentage}% {value}/{total} {label}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, label) {
        if (!started) {
          bar.start(total, 0, { label });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { label: label.length > 40 ? `…${label.slice(-39)}` : label });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastDecile = -1;
  return {
    update(done, total, label) {
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        process.stderr.write(
          `${title} ${Math.round((done / total) * 100)}% (${done}/${total}) ${label}\n`,
        );
      }
    },
    stop() {},
  };
}
