/**
 * Phase: wait for the course's new images, which encode while the pages render
 * (process-course-images.ts), then put every image's files into each locale folder of the staged
 * bundle. A problem encoding one is an error of the build: hand-to-targets then leaves the previous
 * output as it was.
 */
import { hasErrors } from '../../model/diagnostic.ts';
import { need, type BuildState, type PhaseOutcome } from '../build-state.ts';

export async function stageEncodedImages(state: BuildState): Promise<PhaseOutcome> {
  const assets = need(state, 'assets');
  const { encoded, progress } = need(state, 'imagesEncoding');
  const report = state.options.onProgress;
  let finished = false;
  const problems = encoded.finally(() => (finished = true));
  // Pages are done; say what is left while the last images encode.
  while (report && progress.total && !finished) {
    report(progress.done, progress.total, 'images');
    await Promise.race([problems, new Promise((resolve) => setTimeout(resolve, 250))]);
  }
  state.diagnostics.push(...(await problems));
  const { staging } = state;
  if (!staging || hasErrors(state.diagnostics)) return;
  for (const locale of state.locales) {
    for (const image of assets.media.images.values()) {
      for (const v of [...image.variants, image.fallback])
        staging.copyFile(`${locale}/${v.path}`, v.cacheFile);
    }
  }
}
