/**
 * Run the image stage over every image under the course's media/ folder. Images not in the cache
 * are encoded in a short-lived child process: the encoders' memory (AVIF especially) goes back to
 * the system when it exits instead of staying in the build's resident set for the rest of the
 * build.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from '../model/course.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { entryPoint } from '../process/entry-point.ts';
import { fork } from 'node:child_process';
import {
  imageExtensions,
  isImageCached,
  processImage,
  type ProcessedImage,
} from './process-images.ts';

export async function processCourseImages(
  course: Course,
  cacheDir: string,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<{ images: Map<string, ProcessedImage>; diagnostics: Diagnostic[] }> {
  const images = new Map<string, ProcessedImage>();
  const diagnostics: Diagnostic[] = [];
  const root = course.mediaRoot;
  const mediaDir = root && path.join(root, course.mediaDir);
  if (!mediaDir || !fs.existsSync(mediaDir)) return { images, diagnostics };
  const files = (fs.readdirSync(mediaDir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => imageExtensions.test(f))
    .sort();
  const toEncode = files.filter((rel) => !isImageCached(path.join(mediaDir, rel), cacheDir));
  const failed = new Map<string, Diagnostic>();
  if (toEncode.length) {
    let encoded = 0;
    await new Promise<void>((resolve, reject) => {
      const entry = entryPoint('image-child', new URL('./image-child.ts', import.meta.url));
      const child = fork(entry.file, entry.argv, {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (m: { src: string; diagnostic?: Diagnostic }) => {
        if (m.diagnostic) failed.set(m.src, m.diagnostic);
        onProgress?.(++encoded, toEncode.length, `image ${m.src}`);
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`image encoder exited with code ${code}`)),
      );
      child.send({
        cacheDir,
        images: toEncode.map((rel) => ({
          file: path.join(mediaDir, rel),
          src: `${course.mediaDir}/${rel}`,
        })),
      });
    });
  }
  let next = 0;
  let done = 0;
  const results: (ProcessedImage | Diagnostic)[] = [];
  // sharp (libvips) already uses several threads per image; two images at once keeps both cores
  // busy.
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const src = `${course.mediaDir}/${files[index]}`;
      results[index] =
        failed.get(src) ?? (await processImage(path.join(mediaDir, files[index]), src, cacheDir));
      onProgress?.(++done, files.length, `image ${src}`);
    }
  };
  await Promise.all([worker(), worker()]);
  // In file order, not in the order the two workers finished: what is built from the map (the
  // service workers' picture lists) must be the same bytes in two builds of the same course.
  for (const [index, result] of results.entries()) {
    if ('severity' in result) diagnostics.push(result);
    else images.set(`${course.mediaDir}/${files[index]}`, result);
  }
  return { images, diagnostics };
}
