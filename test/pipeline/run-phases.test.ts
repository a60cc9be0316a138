/**
 * runPhases ends a build that stops or throws after its images began encoding: the encoder child is
 * stopped rather than waited for, and what it had not encoded is left for the next build.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildState, Phase } from '../../compiler/pipeline/build-state.ts';
import { runPhases } from '../../compiler/pipeline/run-phases.ts';
import { readAndValidate } from '../../compiler/pipeline/phases/read-and-validate.ts';
import { chooseLocales } from '../../compiler/pipeline/phases/choose-locales.ts';
import { prepareAssets } from '../../compiler/pipeline/phases/prepare-assets.ts';
import { cachedImage } from '../../compiler/images/process-images.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { writeNoiseImage } from '../helpers/noise-image.ts';
import { copyCourse, tempDir } from '../helpers/temp-course.ts';

describe('runPhases', () => {
  for (const ending of ['stop', 'throw'] as const) {
    it(`a phase after the images that says to ${ending} stops their encoder`, async () => {
      const course = copyCourse(miniCourseDir);
      const noise = path.join(course, 'media/noise.jpg');
      await writeNoiseImage(noise);
      const out = tempDir();
      let seen: BuildState | undefined;
      const ends: Phase = (state) => {
        seen = state;
        if (ending === 'throw') throw new Error('a later phase failed');
        return 'stop';
      };
      const build = runPhases({ courseDir: course, outDir: out }, [
        readAndValidate,
        chooseLocales,
        prepareAssets,
        ends,
      ]);
      if (ending === 'throw') await expect(build).rejects.toThrow('a later phase failed');
      else expect((await build).ok).toBe(false);
      const problems = await seen!.imagesEncoding!.encoded;
      expect(problems.map((p) => p.message)).toEqual([
        'The build stopped before the images were encoded.',
      ]);
      const cache = path.join(out, '.cache');
      expect(await cachedImage(noise, 'media/noise.jpg', cache)).toBeUndefined();
    }, 60_000);
  }
});
