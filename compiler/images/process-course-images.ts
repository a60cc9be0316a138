/** Run the image stage over every image under the course's media/ folder, two at a time. */
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from '../model/course.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { imageExtensions, processImage, type ProcessedImage } from './process-images.ts';

export async function processCourseImages(
  course: Course, cacheDir: string, onProgress?: (done: number, total: number, label: string) => void,
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
  let next = 0;
  let done = 0;
  // sharp (libvips) already uses several threads per image; two images at once keeps both cores busy.
  const worker = async () => {
    while (next < files.length) {
      const rel = files[next++];
      const src = `${course.mediaDir}/${rel}`;
      const result = await processImage(path.join(mediaDir, rel), src, cacheDir);
      if ('severity' in result) diagnostics.push(result);
      else images.set(src, result);
      onProgress?.(++done, files.length, `image ${src}`);
    }
  };
  await Promise.all([worker(), worker()]);
  return { images, diagnostics };
}
