/**
 * The locale service worker as a learner meets it in real Chromium: what it has saved, waiting for
 * a module to be saved, "Keep this course offline", and the bytes a visit costs on the wire.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { OfflinePlan } from '../../compiler/targets/static-bundle/offline-plan.ts';
import type { PictureSources } from '../../compiler/targets/bundle-runtime.ts';

/** What the build gave a locale's worker (its sw.js). */
export function offlinePlanOf(
  localeDir: string,
): OfflinePlan & { cacheName: string; pictures: PictureSources[] } {
  const sw = fs.readFileSync(path.join(localeDir, 'sw.js'), 'utf8');
  return JSON.parse(/^const PRECACHE=(.*);$/m.exec(sw)![1]);
}

/** The files (paths in the locale folder at `localeUrl`) the page's origin has saved. */
export function savedFiles(page: Page, localeUrl: string): Promise<string[]> {
  return page.evaluate(async (prefix) => {
    const names = await caches.keys();
    const urls = await Promise.all(
      names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)),
    );
    return urls
      .flat()
      .filter((url) => url.startsWith(prefix) && !url.endsWith('/.polycourse-offline.json'))
      .map((url) => url.slice(prefix.length));
  }, localeUrl);
}

/** Waits until the worker controls the page and has saved every one of `files`. */
export async function waitUntilSaved(page: Page, localeUrl: string, files: string[]) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(
      async () => {
        const saved = new Set(await savedFiles(page, localeUrl));
        return files.filter((f) => !saved.has(f));
      },
      { timeout: 30_000 },
    )
    .toEqual([]);
}

/** Presses "Keep this course offline" and waits for the worker's last word; returns it. */
export async function keepOffline(page: Page): Promise<{ label: string; status: string }> {
  const button = page.locator('.keep-offline');
  await button.waitFor({ state: 'visible', timeout: 20_000 });
  await expect.poll(() => button.isEnabled()).toBe(true);
  const label = (await button.textContent()) ?? '';
  await button.click();
  let status = '';
  await expect
    .poll(
      async () => {
        status = (await page.textContent('.offline-status')) ?? '';
        return /works offline|could not be saved/.test(status);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return { label, status };
}

/**
 * A TCP relay to `port` on loopback that counts the bytes sent back to the browser: every
 * answer's headers and body as they cross the wire (compressed), from the page and from its
 * worker alike, which the page's own network events do not show.
 */
export async function countingRelay(port: number) {
  let bytes = 0;
  let last = Date.now();
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    upstream.on('data', (chunk) => {
      bytes += chunk.length;
      last = Date.now();
    });
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port: own } = relay.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${own}/`,
    bytes: () => bytes,
    /** Waits until nothing has crossed for `quietMs`, at most `maxMs`. */
    async quiet(quietMs = 2000, maxMs = 30_000) {
      const until = Date.now() + maxMs;
      while (Date.now() - last < quietMs && Date.now() < until)
        await new Promise((r) => setTimeout(r, 100));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      }),
  };
}
