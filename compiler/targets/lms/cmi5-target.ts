/**
 * cmi5 packages: one per locale, and one with every locale that starts in the learner's
 * `languagePreference`. Each is a zip with cmi5.xml at its root (one AU: the launch page
 * cmi5.html), the launcher script, and the locales' folders of the bundle the static-bundle target
 * delivered, byte for byte. The AU moves on when the course is complete and, with quizzes, passed
 * at the mastery score (the mean pass mark, as SCORM 1.2's masteryscore).
 */
import path from 'node:path';
import type { Target, TargetInput } from '../target.ts';
import { bundleRuntimeCode } from '../bundle-runtime.ts';
import { courseOutline } from '../../model/course-outline.ts';
import { pickText, type Localized } from '../../model/course.ts';
import { stripBidiOverrides } from '../../model/invisible-characters.ts';
import { masteryScore } from '../../../runtime/lms/lms-report.ts';
import { writeZip } from '../zip-bundles.ts';
import { cmi5Structure, publisherIriBase, type LangStrings } from './cmi5-structure.ts';
import { cmi5LaunchFile, cmi5LaunchPage, cmi5LauncherScript } from './cmi5-launch-page.ts';

export function cmi5Target(): Target {
  return {
    name: 'cmi5',
    async deliver(input) {
      const bundle = input.delivered.find((d) => d.bundle)?.bundle;
      if (!bundle) {
        throw new Error(
          'The cmi5 target packs the bundle folder, and no target before it delivered one: ' +
            'list staticBundleTarget() before cmi5Target().',
        );
      }
      const { cmi5Launcher } = await bundleRuntimeCode();
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
            ? `${input.course.id}.cmi5.zip`
            : `${input.course.id}.${suffix}.cmi5.zip`,
        );
        const ofLocales = files.filter((f) => locales.some((l) => f.startsWith(`${l}/`)));
        const generated = packageFiles(input, suffix, locales, cmi5Launcher);
        paths.push(await writeZip(target, bundle.dir, ofLocales, generated));
      }
      return { target: 'cmi5', paths };
    },
  };
}

/**
 * A text in each of the package's locales: its own translation, or the source text once, tagged
 * with the source language.
 */
function langStrings(text: Localized, locales: string[], sourceLocale: string): LangStrings {
  const out: LangStrings = [];
  for (const locale of locales) {
    const picked = pickText(text, locale, sourceLocale);
    if (out.some((s) => s.lang === picked.lang)) continue;
    out.push({ lang: picked.lang, text: stripBidiOverrides(picked.value).trim() });
  }
  return out;
}

/** cmi5.xml, cmi5.html and the launcher of one package. */
function packageFiles(
  input: TargetInput,
  suffix: string,
  locales: string[],
  launcher: string,
): Map<string, string> {
  const { course } = input;
  // The package's first locale is where a learner without a preference starts: the source
  // language when the package has it.
  const ordered = locales.includes(course.sourceLocale)
    ? [course.sourceLocale, ...locales.filter((l) => l !== course.sourceLocale)]
    : locales;
  const outline = courseOutline(course);
  const mastery = masteryScore(outline);
  const courseIri = `${publisherIriBase}${encodeURIComponent(course.id)}`;
  const packageIri = suffix === 'all' ? courseIri : `${courseIri}/${encodeURIComponent(suffix)}`;
  const structure = cmi5Structure({
    courseId: packageIri,
    auId: `${packageIri}/au`,
    title: langStrings(course.title, ordered, course.sourceLocale),
    description: langStrings(course.description, ordered, course.sourceLocale),
    moveOn: mastery === undefined ? 'Completed' : 'CompletedAndPassed',
    masteryScore: mastery === undefined ? undefined : mastery / 100,
    url: cmi5LaunchFile,
  });
  const page = cmi5LaunchPage(course, {
    courseId: course.id,
    locales: ordered,
    outline,
    masteryScore: mastery === undefined ? undefined : mastery / 100,
  });
  // cmi5.xml first: some LMSs read only the start of an upload to find it.
  return new Map([
    ['cmi5.xml', structure],
    [cmi5LaunchFile, page],
    [cmi5LauncherScript, launcher],
  ]);
}
