/**
 * Phase: open the staged bundle for `<out>/<course-id>` and put into each locale folder the files
 * its pages link to (stylesheet, runtime, interactive script, media). From here on, pages are
 * written.
 */
import path from 'node:path';
import { stageBundle } from '../../targets/static-bundle/write-bundle-atomically.ts';
import { need, type BuildState, type PhaseOutcome } from '../build-state.ts';

export function stageLocaleFiles(state: BuildState): PhaseOutcome {
  const course = need(state, 'course');
  const assets = need(state, 'assets');
  state.bundleDir = path.join(state.options.outDir, course.id);
  const staging = stageBundle(state.bundleDir);
  state.staging = staging;
  for (const locale of state.locales) {
    // Unchanged files are reused from the previous output (moved over on commit), not written
    // again.
    for (const file of [assets.stylesheets[locale], assets.runtimes[locale], assets.interactive]) {
      staging.writeFile(`${locale}/${file.path}`, file.content);
    }
    for (const asset of assets.media.assets) {
      const rel = `${locale}/${asset.bundlePath}`;
      if ('content' in asset) staging.writeFile(rel, asset.content);
      else staging.copyFile(rel, asset.from);
    }
  }
  state.jobs = state.jobs.map((job) => ({ ...job, write: true }));
}
