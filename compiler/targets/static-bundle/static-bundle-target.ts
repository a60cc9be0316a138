/**
 * The static-bundle target: the staged pages and assets become `<out>/<course-id>/`, a folder to
 * serve or copy as it is. Adds the language chooser, the translation report, each locale's service
 * worker and manifest.json, then swaps the folder in atomically (write-bundle-atomically.ts).
 */
import { toHtml } from 'hast-util-to-html';
import { pickText, type Course } from '../../model/course.ts';
import { stripBidiOverrides } from '../../model/invisible-characters.ts';
import { sha256 } from '../../model/fingerprint.ts';
import { renderLanguageChooser } from '../../render/render-language-chooser.ts';
import { pictureElement } from '../../mdx/rehype-responsive-images.ts';
import type { ProcessedImage } from '../../images/process-images.ts';
import { serviceWorkerSource, type PictureSources } from '../bundle-runtime.ts';
import { writeManifest, type FileEntry } from './manifest.ts';
import { offlinePlan } from './offline-plan.ts';
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
  const pictures = pictureSources(course, input.images);
  await writeServiceWorkers(staged, files, course, locales, pictures);
  const manifest = writeManifest(staged.dir, input.meta, files);
  staged.commit();
  return {
    target: 'static-bundle',
    paths: [input.bundleDir],
    bundle: { dir: input.bundleDir, manifest },
  };
}

/** Each locale's sw.js, made from its files as staged (offline-plan.ts); adds them to `files`. */
async function writeServiceWorkers(
  staged: StagingArea,
  files: Map<string, FileEntry>,
  course: Course,
  locales: string[],
  pictures: PictureSources[],
): Promise<void> {
  for (const locale of locales) {
    const ofLocale = new Map(
      [...files.values()]
        .filter((f) => f.path.startsWith(`${locale}/`))
        .map((f) => [f.path.slice(locale.length + 1), f]),
    );
    const plan = offlinePlan(course, ofLocale, (file) => staged.readFile(`${locale}/${file}`));
    const sw = Buffer.from(await serviceWorkerSource(course.id, locale, plan, pictures));
    staged.writeFile(`${locale}/sw.js`, sw);
    files.set(`${locale}/sw.js`, { path: `${locale}/sw.js`, size: sw.length, sha256: sha256(sw) });
  }
}

/**
 * Each image's `<picture>` as the pages render it (pictureElement: the same sources in the same
 * order), so that the worker caches only the source the browser shows. A video poster's `<img>`
 * file is not one of the choices: `<video poster>` names it in every browser, so it is always
 * cached.
 */
function pictureSources(
  course: Course,
  images: ReadonlyMap<string, ProcessedImage>,
): PictureSources[] {
  const posters = new Set(
    course.modules.flatMap((m) =>
      m.units.flatMap((u) => (u.kind === 'video' && u.poster ? [u.poster.path] : [])),
    ),
  );
  return [...images].map(([src, image]) =>
    pictureElement(image, '', '').children.flatMap((child): PictureSources => {
      if (child.type !== 'element') return [];
      const { type, srcSet, src: fallback } = child.properties;
      if (child.tagName === 'source') {
        // `a.avif 480w, b.avif 960w`: each candidate's URL, narrowest first (a module saved
        // ahead of the learner gets the narrowest only: service-worker.ts)
        const files = String(srcSet)
          .split(',')
          .map((c) => c.trim().split(/\s+/))
          .sort((a, b) => parseInt(a[1]) - parseInt(b[1]))
          .map(([file]) => file);
        return [{ type: String(type), files }];
      }
      return posters.has(src) ? [] : [{ files: [String(fallback)] }];
    }),
  );
}
