/**
 * The committed cms/payload-types.ts is what `npm run cms:types` generates from the Payload config
 * now (no database needed); and the "every locale" document types of cms/documents.ts name the
 * fields that the collections mark `localized`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Field } from 'payload';
import { tempDir } from '../helpers/temp-course.ts';
import { Courses } from '../../cms/collections/Courses.ts';
import { Modules } from '../../cms/collections/Modules.ts';
import { Units } from '../../cms/collections/Units.ts';
import { localizedFields } from '../../cms/documents.ts';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The localized fields of a collection, nested as in cms/documents.ts (`true`, or the fields
 * inside).
 */
function localizedTree(fields: Field[]): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const field of fields) {
    const inner = 'fields' in field ? localizedTree(field.fields) : {};
    if (!('name' in field))
      Object.assign(tree, inner); // rows and collapsibles hold named fields of their own
    else if ('localized' in field && field.localized) tree[field.name] = true;
    else if (Object.keys(inner).length) tree[field.name] = inner;
  }
  return tree;
}

describe('typed CMS documents', () => {
  it('cms/payload-types.ts is current: `npm run cms:types` writes the same file', () => {
    const dir = tempDir('polycourse-types-');
    const generated = path.join(dir, 'payload-types.ts');
    // Payload's generator writes to PAYLOAD_TS_OUTPUT_PATH instead of the config's outputFile when
    // it is set.
    const run = spawnSync('npm', ['run', '--silent', 'cms:types'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PAYLOAD_TS_OUTPUT_PATH: generated },
    });
    expect(run.status, run.stderr).toBe(0);
    const stale =
      fs.readFileSync(path.join(root, 'cms/payload-types.ts'), 'utf8') !==
      fs.readFileSync(generated, 'utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(
      stale,
      'cms/payload-types.ts is stale: the Payload config changed since ' +
        'it was generated. Run `npm run cms:types` and commit the file.',
    ).toBe(false);
  });

  it('the "every locale" document types know the localized fields of each collection', () => {
    expect(localizedTree(Courses.fields), 'cms/documents.ts localizedFields.courses').toEqual(
      localizedFields.courses,
    );
    expect(localizedTree(Modules.fields), 'cms/documents.ts localizedFields.modules').toEqual(
      localizedFields.modules,
    );
    expect(localizedTree(Units.fields), 'cms/documents.ts localizedFields.units').toEqual(
      localizedFields.units,
    );
  });
});
