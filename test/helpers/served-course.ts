/**
 * The set-up of the browser tests: a course built into a temporary folder, served on loopback
 * (the static server `polycourse serve` uses) and a real Chromium to open it. `close()` closes the
 * browser, then the server.
 */
import { expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import type { BuildOptions } from '../../compiler/pipeline/build-state.ts';
import { startStaticServer, type StaticServer } from '../../compiler/targets/static-server.ts';
import { launchChromium } from './browser.ts';
import { tempDir } from './temp-course.ts';

export interface ServedCourse {
  /** the build's output folder */
  outDir: string;
  /** the course's bundle in it, `<outDir>/<course id>` */
  bundle: string;
  server: StaticServer;
  /** the bundle's address, ending in `/` */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function servedCourse(options: Omit<BuildOptions, 'outDir'>): Promise<ServedCourse> {
  const outDir = tempDir();
  const result = await buildCourse({ ...options, outDir });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
  const server = await startStaticServer(outDir);
  const browser = await launchChromium();
  return {
    outDir,
    bundle: result.outputDir!,
    server,
    base: `${server.url}${result.courseId}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
