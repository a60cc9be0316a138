/**
 * The zip target: one zip per locale (its folder) and one with the whole build, beside the output.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { sha256 } from '../model/fingerprint.ts';
import { listFiles, manifestName, type BundleManifest } from './static-bundle/manifest.ts';
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
      return {
        target: 'zip',
        paths: await zipBundles(bundle.dir, input.outDir, bundle.manifest),
      };
    },
  };
}

/**
 * Zip `<out>/<course-id>` into `<out>/<course-id>.zip` and `<out>/<course-id>.<locale>.zip`.
 * Returns the paths. A zip whose files are all as they were (by the manifest's sha256) is kept as
 * it is: after a one-lesson edit only that locale's zip and the whole course's are written again.
 */
export async function zipBundles(
  bundleDir: string,
  outDir: string,
  manifest?: BundleManifest,
): Promise<string[]> {
  const courseId = path.basename(bundleDir);
  const files = [...listFiles(bundleDir), manifestName];
  const locales = fs
    .readdirSync(bundleDir)
    .filter((d) => fs.statSync(path.join(bundleDir, d)).isDirectory());
  const known = new Map(manifest?.files.map((f) => [f.path, f.sha256]));
  const zip = async (target: string, entries: string[]) => {
    const digest = contentsDigest(bundleDir, entries, known);
    if (zipComment(target) === digest) return target;
    return writeZip(target, bundleDir, entries, new Map(), digest);
  };
  const written: string[] = [];
  written.push(await zip(path.join(outDir, `${courseId}.zip`), files));
  for (const locale of locales) {
    const ofLocale = files.filter((f) => f.startsWith(`${locale}/`));
    written.push(await zip(path.join(outDir, `${courseId}.${locale}.zip`), ofLocale));
  }
  return written;
}

/** What a zip of `entries` holds, as the zip's comment says: its layout, paths and contents. */
function contentsDigest(root: string, entries: string[], known: Map<string, string>): string {
  const lines = entries.map(
    (f) => `\n${f}\0${known.get(f) ?? sha256(fs.readFileSync(path.join(root, f)))}`,
  );
  return `polycourse-zip:${sha256(zipLayout, ...lines)}`;
}

/** Changes when what writeZip puts in a zip changes (order, mtime, what is stored). */
const zipLayout = 'zip-layout-1';

/**
 * The comment of a zip, from its End of Central Directory record (the last 22 bytes plus the
 * comment). Read by hand: yazl only writes, and the readers at hand (fflate) read the whole
 * archive, which is what a kept zip saves.
 */
function zipComment(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) !== 0x06054b50) continue;
      const length = tail.readUInt16LE(i + 20);
      if (i + 22 + length === tail.length) return tail.toString('latin1', i + 22, i + 22 + length);
    }
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Write the zip `target` (atomically, reproducibly): first the `generated` texts, in their order,
 * then `files` read from `root`. Media that are compressed already are stored. `comment` (ASCII)
 * is the archive's comment.
 */
export function writeZip(
  target: string,
  root: string,
  files: string[],
  generated: Map<string, string> = new Map(),
  comment?: string,
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
    zip.end({ forceZip64Format: false, comment: comment ?? '' });
  });
}
