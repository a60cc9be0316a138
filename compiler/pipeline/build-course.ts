/**
 * buildCourse: course folder → `<out>/<course-id>/<locale>/…` static bundles + manifest.json, as a
 * list of named phases (./phases/, one file each) passing one BuildState (./build-state.ts) along.
 * Everything is read, validated and rendered before any target writes; on any error nothing is
 * written.
 */
import type { BuildOptions, BuildResult } from './build-state.ts';
import { runPhases } from './run-phases.ts';
import { readAndValidate } from './phases/read-and-validate.ts';
import { chooseLocales } from './phases/choose-locales.ts';
import { prepareAssets } from './phases/prepare-assets.ts';
import { planRenderJobs } from './phases/plan-render-jobs.ts';
import { stageLocaleFiles } from './phases/stage-locale-files.ts';
import { reuseUnchangedPages } from './phases/reuse-unchanged-pages.ts';
import { renderPlannedPages } from './phases/render-planned-pages.ts';
import { stageEncodedImages } from './phases/stage-encoded-images.ts';
import { reportTranslation } from './phases/report-translation.ts';
import { handToTargets } from './phases/hand-to-targets.ts';

export type { BuildOptions, BuildResult } from './build-state.ts';

export function buildCourse(options: BuildOptions): Promise<BuildResult> {
  return runPhases(options, [
    readAndValidate,
    chooseLocales,
    prepareAssets,
    planRenderJobs,
    stageLocaleFiles,
    reuseUnchangedPages,
    renderPlannedPages,
    stageEncodedImages,
    reportTranslation,
    handToTargets,
  ]);
}

/**
 * Validate a course without writing anything: the same phases as a build, less the writing ones.
 */
export function validateCourseDir(
  courseDir: string,
  options: Pick<BuildOptions, 'theme' | 'locales' | 'source'> = {},
): Promise<BuildResult> {
  return runPhases({ courseDir, outDir: '', ...options }, [
    readAndValidate,
    chooseLocales,
    prepareAssets,
    planRenderJobs,
    renderPlannedPages,
    stageEncodedImages,
    reportTranslation,
  ]);
}
