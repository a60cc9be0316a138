/**
 * SCORM 1.2 and SCORM 2004 (4th edition) packages: one per locale, and one with every locale that
 * starts in the LMS learner's preferred language. Each is a zip with imsmanifest.xml at its root,
 * the launch page scorm.html, the launcher script, and the locales' folders of the bundle the
 * static-bundle target delivered, byte for byte.
 */
import path from 'node:path';
import type { Target, TargetInput } from '../target.ts';
import { bundleRuntimeCode } from '../bundle-runtime.ts';
import { courseOutline } from '../../model/course-outline.ts';
import { pickText } from '../../model/course.ts';
import { masteryScore } from '../../../runtime/lms/lms-report.ts';
import type { ScormVersion } from '../../../runtime/lms/lms-api.ts';
import { scormManifest } from './scorm-manifest.ts';
import { launchPage, launcherScript } from './launch-page.ts';
import { writeZip } from '../zip-bundles.ts';

const targetName = { '1.2': 'scorm12', '2004': 'scorm2004' } as const;

export function scormTarget(version: ScormVersion): Target {
  const name = targetName[version];
  return {
    name,
    async deliver(input) {
      const bundle = input.delivered.find((d) => d.bundle)?.bundle;
      if (!bundle) {
        throw new Error(
          `The ${name} target packs the bundle folder, and no target before it delivered one: ` +
            `list staticBundleTarget() before scormTarget('${version}').`,
        );
      }
      const { lmsLauncher } = await bundleRuntimeCode();
      const files = bundle.manifest.files.map((f) => f.path);
      const paths: string[] = [];
      const packages: [string, string[]][] = [
        ['all', input.locales],
        ...input.locales.map((l): [string, string[]] => [l, [l]]),
      ];
      for (const [suffix, locales] of packages) {
        const target = path.join(
          input.outDir,
          suffix === 'all'
            ? `${input.course.id}.${name}.zip`
            : `${input.course.id}.${suffix}.${name}.zip`,
        );
        const ofLocales = files.filter((f) => locales.some((l) => f.startsWith(`${l}/`)));
        const generated = packageFiles(input, version, suffix, locales, ofLocales, lmsLauncher);
        paths.push(await writeZip(target, bundle.dir, ofLocales, generated));
      }
      return { target: name, paths };
    },
  };
}

/** scorm.html, the launcher and imsmanifest.xml of one package. */
function packageFiles(
  input: TargetInput,
  version: ScormVersion,
  suffix: string,
  locales: string[],
  bundleFiles: string[],
  launcher: string,
): Map<string, string> {
  const { course } = input;
  // The package's first locale is where a learner without a preference starts: the source
  // language when the package has it.
  const ordered = locales.includes(course.sourceLocale)
    ? [course.sourceLocale, ...locales.filter((l) => l !== course.sourceLocale)]
    : locales;
  const outline = courseOutline(course);
  const page = launchPage(course, { version, courseId: course.id, locales: ordered, outline });
  const manifest = scormManifest({
    version,
    identifier: `polycourse.${course.id}.${suffix}`,
    title: pickText(course.title, ordered[0], course.sourceLocale).value,
    masteryScore: version === '1.2' ? masteryScore(outline) : undefined,
    files: ['scorm.html', launcherScript, ...bundleFiles],
  });
  // imsmanifest.xml first: some LMSs read only the start of an upload to find it.
  return new Map([
    ['imsmanifest.xml', manifest],
    ['scorm.html', page],
    [launcherScript, launcher],
  ]);
}
