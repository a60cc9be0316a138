/**
 * Phase: when the build found no error, hand the staged bundle to each target in order (default:
 * the static bundle alone; target.ts has the contract); else abandon it, leaving the previous
 * output as it was. Saves the page state once the bundle folder is in place.
 */
import { hasErrors, type Diagnostic } from '../../model/diagnostic.ts';
import type { StagingArea, TargetInput } from '../../targets/target.ts';
import { staticBundleTarget } from '../../targets/static-bundle/static-bundle-target.ts';
import { compilerVersion } from '../compiler-version.ts';
import { savePageState } from '../page-state.ts';
import { need, type BuildState, type PhaseOutcome } from '../build-state.ts';

export async function handToTargets(state: BuildState): Promise<PhaseOutcome> {
  const staging = need(state, 'staging');
  if (hasErrors(state.diagnostics)) {
    staging.abandon();
    return 'stop';
  }
  const input = targetInput(state, staging);
  try {
    for (const target of state.options.targets ?? [staticBundleTarget()]) {
      try {
        state.deliverables.push(
          await target.deliver({ ...input, delivered: [...state.deliverables] }),
        );
      } catch (error) {
        // What the targets before it delivered stays; the ones after it do not run.
        state.diagnostics.push(targetFailed(target.name, error));
        return 'stop';
      }
    }
  } finally {
    // The page state says what the bundle folder holds: saved as soon as the folder is in place,
    // even when a later target fails; an older state could make the next build reuse a page for
    // inputs it was not rendered from.
    const { pageState } = state;
    if (pageState && state.deliverables.some((d) => d.bundle)) savePageState(pageState);
    // Nothing to do once a target committed it; else no staged files are left behind.
    staging.abandon();
  }
}

function targetFailed(name: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    severity: 'error',
    ruleId: 'polycourse:target-failed',
    path: `targets.${name}`,
    message: `The ${name} target failed: ${reason}`,
    fix:
      'Fix what the message names (often disk space or permissions in the output folder) and ' +
      'build again; what the targets before it delivered is in place.',
  };
}

function targetInput(state: BuildState, staging: StagingArea): TargetInput {
  const course = need(state, 'course');
  const assets = need(state, 'assets');
  return {
    course,
    locales: state.locales,
    outDir: state.options.outDir,
    bundleDir: need(state, 'bundleDir'),
    staged: staging,
    images: assets.media.images,
    meta: {
      format: 'polycourse-bundle/1',
      course: course.id,
      compiler: compilerVersion(),
      theme: assets.theme.name,
      sourceLocale: course.sourceLocale,
      locales: state.locales,
      inputsHash: need(state, 'source').inputsHash(),
      coverage: need(state, 'coverage'),
    },
    translate: assets.catalogs.forLocale,
    diagnostics: state.diagnostics,
    delivered: [],
  };
}
