/**
 * Run the image stage over every image under the course's media/ folder. The files an image will
 * have are named from its header before they are encoded (process-images.ts, planImage), so pages
 * render while the images encode; the build copies the encoded files once `encoded` resolves.
 * Images not in the cache are read and encoded in a short-lived child process: the encoders' memory
 * (AVIF especially) goes back to the system when it exits instead of staying in the build's
 * resident set.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from '../model/course.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { entryPoint } from '../process/entry-point.ts';
import { fork } from 'node:child_process';
import { inParallel } from '../process/in-parallel.ts';
import { cachedImage, imageExtensions, type ProcessedImage } from './process-images.ts';

export interface CourseImages {
  /** media path → the image's files, in file order (named before they are encoded) */
  images: Map<string, ProcessedImage>;
  /** Problems reading the images, found before any page renders. */
  diagnostics: Diagnostic[];
  /** How many images are encoded so far, of how many. */
  progress: { done: number; total: number };
  /** Resolves once every new image is in the cache, with the problems encoding found. */
  encoded: Promise<Diagnostic[]>;
  /**
   * Stop encoding (a build that stopped before its pages): the process exits without waiting for
   * the encoder. What was encoded stays in the cache; the rest is encoded by the next build.
   */
  stop(): void;
}

/** What the image child sends: an image's plan, then (after every plan) each one encoded. */
export type ImageChildMessage =
  | { src: string; planned: ProcessedImage | Diagnostic }
  | { src: string; encoded: true; diagnostic?: Diagnostic };

/** How many images the build process reads at once to find the cached ones. */
const readsAtOnce = 8;

export async function processCourseImages(course: Course, cacheDir: string): Promise<CourseImages> {
  const root = course.mediaRoot;
  const mediaDir = root ? path.join(root, course.mediaDir) : '';
  const files = !(mediaDir && fs.existsSync(mediaDir))
    ? []
    : (fs.readdirSync(mediaDir, { recursive: true }) as string[])
        .map((f) => f.split(path.sep).join('/'))
        .filter((f) => imageExtensions.test(f))
        .sort();
  const sources = files.map((rel) => ({
    file: path.join(mediaDir, rel),
    src: `${course.mediaDir}/${rel}`,
  }));
  // Each image is read once here, a few at a time: a cached one is done; the child reads, plans
  // and encodes the rest (and reports a file it cannot read).
  const cached: (ProcessedImage | undefined)[] = [];
  await inParallel(sources, readsAtOnce, async ({ file, src }, index) => {
    cached[index] = await cachedImage(file, src, cacheDir).catch(() => undefined);
  });
  const child = encodeInChild(
    sources.filter((_, index) => !cached[index]),
    cacheDir,
  );
  const results = await Promise.all(
    sources.map(({ src }, index) => cached[index] ?? child.plans.get(src)!),
  );
  // In file order, not in the order they were read: what is built from the map (the service
  // workers' picture lists) must be the same bytes in two builds of the same course.
  const images = new Map<string, ProcessedImage>();
  const diagnostics: Diagnostic[] = [];
  for (const [index, result] of results.entries()) {
    if ('severity' in result) diagnostics.push(result);
    else images.set(`${course.mediaDir}/${files[index]}`, result);
  }
  const { progress, encoded, stop } = child;
  return { images, diagnostics, progress, encoded, stop };
}

/**
 * The child reads every image it is sent (plans), then encodes them; `plans` holds a promise per
 * image until its plan arrives. `encoded` never rejects: a child that fails is a problem reported.
 */
function encodeInChild(images: { file: string; src: string }[], cacheDir: string) {
  const progress = { done: 0, total: images.length };
  const waiting = new Map<string, (plan: ProcessedImage | Diagnostic) => void>();
  const plans = new Map(
    images.map(({ src }) => [
      src,
      new Promise<ProcessedImage | Diagnostic>((resolve) => waiting.set(src, resolve)),
    ]),
  );
  if (!images.length) return { plans, progress, encoded: Promise.resolve([]), stop() {} };
  const problems: Diagnostic[] = [];
  const entry = entryPoint('image-child', new URL('./image-child.ts', import.meta.url));
  const child = fork(entry.file, entry.argv, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let stopped = false;
  const encoded = new Promise<Diagnostic[]>((resolve) => {
    const fail = (reason: string) => {
      const problem: Diagnostic = {
        severity: 'error',
        ruleId: 'polycourse:image',
        message: stopped
          ? 'The build stopped before the images were encoded.'
          : `The image encoder stopped: ${reason}`,
        fix: stopped
          ? 'Mend the problems above and build again.'
          : 'Build again; if it happens again, report it with the images of the course.',
      };
      for (const resolvePlan of waiting.values()) resolvePlan(problem);
      waiting.clear();
      resolve([...problems, problem]);
    };
    child.on('message', (m: ImageChildMessage) => {
      if ('planned' in m) {
        waiting.get(m.src)?.(m.planned);
        waiting.delete(m.src);
      } else {
        progress.done++;
        if (m.diagnostic) problems.push(m.diagnostic);
      }
    });
    child.on('error', (error) => fail(error.message));
    child.on('exit', (code) => (code === 0 ? resolve(problems) : fail(`exit code ${code}`)));
    child.send({ cacheDir, images });
  });
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    stopped = true;
    child.kill();
  };
  return { plans, progress, encoded, stop };
}
