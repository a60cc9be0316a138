/**
 * The zip target: one zip per locale (its folder) and one with the whole build, beside the output.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { listFiles } from './static-bundle/manifest.ts';
import type { Target } from './target.ts';

/** Zips the bundle folder the static-bundle target delivered (`polycourse build --zip`). */
export function zipTarget(): Target {
  return {
    name: 'zip',
    async deliver(input) {
      const bundle = input.delivered.find((d) => d.bundle)?.bundle;
      if (!bundle) {
        throw new Error(
          'The zip target packs the bundle folder, and no target before it delivered one: ' +
            'list staticBundleTarget() before zipTarget().',
        );
      }
      return { target: 'zip', paths: await zipBundles(bundle.dir, input.outDir) };
    },
  };
}

/**
 * Zip `<out>/<course-id>` into `<out>/<course-id>.zip` and `<out>/<course-id>.<locale>.zip`.
 * Returns the paths.
 */
export async function zipBundles(bundleDir: string, outDir: string): Promise<string[]> {
  const courseId = path.basename(bundleDir);
  const files = [...listFiles(bundleDir), 'manifest.json'];
  const locales = fs
    .readdirSync(bundleDir)
    .filter((d) => fs.statSync(path.join(bundleDir, d)).isDirectory());
  const written: string[] = [];
  written.push(await writeZip(path.join(outDir, `${courseId}.zip`), bundleDir, files));
  for (const locale of locales) {
    const ofLocale = files.filter((f) => f.startsWith(`${locale}/`));
    written.push(
      await writeZip(path.join(outDir, `${courseId}.${locale}.zip`), bundleDir, ofLocale),
    );
  }
  return written;
}

/**
 * Write the zip `target` (atomically, reproducibly): first the `generated` texts, in their order,
 * then `files` read from `root`. Media that are compressed already are stored.
 */
export function writeZip(
  target: string,
  root: string,
  files: string[],
  generated: Map<string, string> = new Map(),
): Promise<string> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const mtime = new Date('2000-01-01T00:00:00Z'); // reproducible archives
    for (const [rel, text] of generated) zip.addBuffer(Buffer.from(text), rel, { mtime });
    for (const f of files) {
      const compress = !/\.(avif|webp|png|jpe?g|mp4|webm|zip)$/i.test(f);
      zip.addFile(path.join(root, f), f, { mtime, compress });
    }
    const tmp = `${target}.tmp-${process.pid}`;
    const out = fs.createWriteStream(tmp);
    zip.outputStream
      .pipe(out)
      .on('close', () => {
        fs.renameSync(tmp, target);
        resolve(target);
      })
      .on('error', reject);
    zip.end();
  });
}
