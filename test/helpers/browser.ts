/**
 * Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, launched as the CLI
 * launches it (cli/launch-chromium.ts), plus an axe-core runner.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export { chromiumPath, launchChromium } from '../../cli/launch-chromium.ts';

const require = createRequire(import.meta.url);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Run axe-core on the page for WCAG 2.1 A and AA; returns the violations (empty when clean). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/**
 * Waits until the Payload admin's form has no state request (a Next.js server action) on its way.
 * One sent before a save skips validation (Payload sends `skipValidation: !submitted`); when a
 * loaded server answers it after the save's 400, its fields come back valid and the save's errors
 * vanish from the fields, and a click while the form merges an answer can be lost. A person is
 * slower than the form's 250 ms debounce; a test waits with this before each save or added row.
 */
export function formStateSettler(page: Page): () => Promise<void> {
  const pending = new Set<unknown>();
  page.on('request', (r) => {
    if (r.headers()['next-action']) pending.add(r);
  });
  const done = (r: unknown) => pending.delete(r);
  page.on('requestfinished', done).on('requestfailed', done);
  return async () => {
    await page.waitForTimeout(400);
    const until = Date.now() + 60_000;
    while (pending.size && Date.now() < until) await page.waitForTimeout(100);
    if (pending.size) throw new Error(`${pending.size} form-state requests still open after 60 s`);
  };
}

/**
 * A network that comes back badly: requests matching `pattern` (until now aborted) pass again,
 * except that the first one's answer is lost after the server received it (the connection
 * resets). Returns how many requests have been sent since.
 */
export async function loseFirstAnswer(page: Page, pattern: string): Promise<() => number> {
  await page.unroute(pattern);
  let sent = 0;
  await page.route(pattern, async (route) => {
    if (sent++ === 0) {
      await route.fetch();
      await route.abort('connectionreset');
    } else await route.continue();
  });
  return () => sent;
}
