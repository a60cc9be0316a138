/**
 * Every custom admin component the config names (`'/components/X.tsx#X'` in cms/) is in the
 * committed import map (cms/app/(payload)/admin/importMap.js): a component missing there renders
 * as nothing in the admin, silently (`npm run cms:importmap` writes it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const cms = path.resolve(import.meta.dirname, '../../cms');

describe('the admin import map', () => {
  it('lists every component the config names', () => {
    const map = fs.readFileSync(path.join(cms, 'app/(payload)/admin/importMap.js'), 'utf8');
    const named = new Set<string>();
    for (const entry of fs.readdirSync(cms, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const full = path.join(entry.parentPath, entry.name);
      if (full.includes(`${path.sep}.next${path.sep}`)) continue;
      for (const [, component] of fs
        .readFileSync(full, 'utf8')
        .matchAll(/'(\/components\/[^']+#\w+)'/g))
        named.add(component);
    }
    expect(named.size).toBeGreaterThanOrEqual(10);
    const missing = [...named].filter((c) => !map.includes(`"${c}"`));
    expect(missing, 'run npm run cms:importmap').toEqual([]);
  });
});
