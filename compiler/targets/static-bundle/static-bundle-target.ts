/**
 * The static-bundle target: the staged pages and assets become `<out>/<course-id>/`, a folder to
 * serve or copy as it is. Adds the language chooser, the translation report, each locale's service
 * worker and manifest.json, then swaps the folder in atomically (write-bundle-atomically.ts).
 */
import { toHtml } from 'hast-util-to-html';
import { pickText } from '../../model/course.ts';
import { stripBidiOverrides } from '../../model/invisible-characters.ts';
import { sha256 } from '../../model/fingerprint.ts';
import { renderLanguageChooser } from '../../render/render-language-chooser.ts';
import { serviceWorkerSource } from '../bundle-runtime.ts';
import { writeManifest, type FileEntry } from './manifest.ts';
import type { Deliverable, StagingArea, Target, TargetInput } from '../target.ts';
import { renderTranslationReport } from './translation-report.ts';

export function staticBundleTarget(): Target {
  return { name: 'static-bundle', deliver: writeStaticBundle };
}

async function writeStaticBundle(input: TargetInput): Promise<Deliverable> {
  const { course, locales, staged } = input;
  staged.writeFile('index.html', toHtml(renderLanguageChooser(course, locales, input.translate)));
  const title = stripBidiOverrides(
    pickText(course.title, course.sourceLocale, course.sourceLocale).value,
  );
  const report = renderTranslationReport(title, course.sourceLocale, input.meta.coverage);
  staged.writeFile('translation-report.html', toHtml(report));
  const files = staged.files();
  await writeServiceWorkers(staged, files, course.id, locales);
  const manifest = writeManifest(staged.dir, input.meta, files);
  staged.commit();
  return {
    target: 'static-bundle',
    paths: [input.bundleDir],
    bundle: { dir: input.bundleDir, manifest },
  };
}

/** Each locale's sw.js, made from its files as staged; adds them to `files`. */
async function writeServiceWorkers(
  staged: StagingArea,
  files: Map<string, FileEntry>,
  courseId: string,
  locales: string[],
): Promise<void> {
  for (const locale of locales) {
    const ofLocale = new Map(
      [...files.values()]
        .filter((f) => f.path.startsWith(`${locale}/`))
        .map((f) => [f.path.slice(locale.length + 1), f.sha256]),
    );
    const sw = Buffer.from(await serviceWorkerSource(courseId, locale, ofLocale));
    staged.writeFile(`${locale}/sw.js`, sw);
    files.set(`${locale}/sw.js`, { path: `${locale}/sw.js`, size: sw.length, sha256: sha256(sw) });
  }
}
