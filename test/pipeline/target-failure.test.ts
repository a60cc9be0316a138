/**
 * A target that fails: what the targets before it delivered stays in place, the ones after it do
 * not run, and the build says why with a diagnostic instead of throwing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { chooseTargets } from '../../compiler/targets/choose-targets.ts';
import type { Target } from '../../compiler/targets/target.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

describe('a failing target', () => {
  it('keeps the earlier deliverables, skips the later ones and reports target-failed', async () => {
    const out = tempDir();
    let laterRan = false;
    const failing: Target = {
      name: 'failing',
      deliver: async () => {
        throw new Error('ENOSPC: no space left on device');
      },
    };
    const later: Target = {
      name: 'later',
      deliver: async () => {
        laterRan = true;
        return { target: 'later', paths: [] };
      },
    };
    const result = await buildCourse({
      courseDir: miniCourseDir,
      outDir: out,
      targets: [...chooseTargets(['zip']), failing, later],
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        ruleId: 'polycourse:target-failed',
        path: 'targets.failing',
        message: 'The failing target failed: ENOSPC: no space left on device',
      }),
    );
    expect(laterRan).toBe(false);
    expect(fs.existsSync(path.join(out, 'mini/manifest.json'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'mini.fr.zip'))).toBe(true);
    expect(result.deliverables?.map((d) => d.target)).toEqual(['static-bundle', 'zip']);
  });
});
