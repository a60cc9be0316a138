/**
 * The targets a build can hand its bundle to, by the names the CLI and the CMS use. The folder
 * (static bundle) is always delivered first: every other target packs it.
 */
import type { Target } from './target.ts';
import { staticBundleTarget } from './static-bundle/static-bundle-target.ts';
import { zipTarget } from './zip-bundles.ts';
import { scormTarget } from './lms/scorm-target.ts';
import { cmi5Target } from './lms/cmi5-target.ts';
import type { TargetName } from './target-names.ts';

export type { TargetName } from './target-names.ts';

const make: Record<TargetName, () => Target> = {
  folder: staticBundleTarget,
  zip: zipTarget,
  scorm12: () => scormTarget('1.2'),
  scorm2004: () => scormTarget('2004'),
  cmi5: cmi5Target,
};

/** The folder, then each other named target once, in the order given. */
export function chooseTargets(names: readonly TargetName[]): Target[] {
  const others = [...new Set(names)].filter((n) => n !== 'folder');
  return [make.folder(), ...others.map((n) => make[n]())];
}
