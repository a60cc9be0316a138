/**
 * A bundle built without learner services carries none of their client (accounts, forum,
 * leaderboard, sync) nor their strings: the runtime on every page stays within the runtime
 * issue's 30 KB budget. Built with them, both are there.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeRuntime } from '../../compiler/targets/bundle-runtime.ts';
import { loadUiCatalogs } from '../../compiler/ui-strings/ui-catalog.ts';
import { themesRoot } from '../../compiler/render/theme-folders.ts';
import { miniCourse } from '../helpers/mini-course.ts';

describe('the learner runtime with and without learner services', () => {
  it('leaves the services client and its strings out of a bundle without them', async () => {
    const course = miniCourse();
    const catalogs = loadUiCatalogs([path.join(themesRoot, 'default/locales')], ['en'], 'en');
    const ui = { messages: catalogs.messagesFor('en'), fallbackIds: catalogs.fallbackIds('en') };
    const without = await localeRuntime(course, 'en', ui);
    const withServices = await localeRuntime(course, 'en', ui, 'https://learn.example.org/api');
    // The account widget and the forum mount on these elements; their strings have these ids.
    const markers = ['learner-account', 'module-forum', 'runtime.account.', 'runtime.forum.'];
    for (const marker of markers) {
      expect(withServices.includes(marker), `${marker} with services`).toBe(true);
      expect(without.includes(marker), `${marker} without services`).toBe(false);
    }
    // The core's own strings are in both.
    for (const runtime of [without, withServices])
      expect(runtime.includes('runtime.badge.'), 'the badges strings').toBe(true);
    expect(Buffer.byteLength(without)).toBeLessThan(30 * 1024);
    expect(Buffer.byteLength(withServices) - Buffer.byteLength(without)).toBeGreaterThan(15_000);
  });
});
