/** The extraction check: what templates and runtime use versus what the source catalog has. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUiStringUsage } from '../../compiler/ui-strings/ui-string-usage.ts';
import { readPoCatalog } from '../../compiler/ui-strings/ui-catalog.ts';

const root = path.resolve(import.meta.dirname, '../..');
const roots = [path.join(root, 'themes'), path.join(root, 'compiler'), path.join(root, 'runtime')];
const ids = Object.keys(readPoCatalog(path.join(root, 'themes/default/locales/en.po')).messages);

describe('UI string usage', () => {
  it('every id the code uses is in en.po, and every en.po id is used', () => {
    expect(checkUiStringUsage(ids, roots)).toEqual({ missing: [], unused: [] });
  });

  it('reports ids missing from the catalog and entries nothing uses', () => {
    const catalog = ids.filter((id) => id !== 'quiz.check').concat('forgotten.string');
    expect(checkUiStringUsage(catalog, roots)).toEqual({
      missing: ['quiz.check'],
      unused: ['forgotten.string'],
    });
  });
});
