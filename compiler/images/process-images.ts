/**
 * The image stage: every image under a course's media/ becomes AVIF + WebP at several widths plus a
 * PNG/JPEG fallback, through sharp. Results are cached by source hash + options, so a rebuild
 * re-encodes only new or changed images.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Sharp, SharpOptions } from 'sharp';
import type { Diagnostic } from '../model/diagnostic.ts';

export interface ImageVariant {
  /** Path inside a locale bundle, e.g. `_assets/media/figure-1a2b3c4d-480.avif`. */
  path: string;
  width: number;
  format: 'avif' | 'webp' | 'png' | 'jpeg';
  /** Where the encoded file sits in the cache. */
  cacheFile: string;
}

export interface ProcessedImage {
  src: string;
  width: number;
  height: number;
  variants: ImageVariant[];
  fallback: ImageVariant;
}

export const imageOptions = {
  widths: [480, 960, 1440],
  fallbackMaxWidth: 960,
  avif: { quality: 50, effort: 2 },
  webp: { quality: 72, effort: 3 },
  /** Refuse images above this many pixels: a guard against decompression bombs. */
  limitInputPixels: 40_000_000,
};

/** Part of the cache key: encoder output can change between sharp majors. */
const sharpMajor = 'sharp-0.35';

export const imageExtensions = /\.(png|jpe?g|webp|gif|avif|tiff?)$/i;

function cachePaths(input: Buffer, cacheDir: string) {
  const key = crypto
    .createHash('sha256')
    .update(input)
    .update(JSON.stringify(imageOptions))
    .update(sharpMajor)
    .digest('hex');
  const dir = path.join(cacheDir, 'images', key.slice(0, 2), key);
  return { key, dir, metaFile: path.join(dir, 'meta.json') };
}

/** The image read once: its bytes, its cache paths, and its files when already encoded. */
async function readImage(file: string, src: string, cacheDir: string) {
  const input = await fs.promises.readFile(file);
  const paths = cachePaths(input, cacheDir);
  let cached: ProcessedImage | undefined;
  try {
    const meta = JSON.parse(await fs.promises.readFile(paths.metaFile, 'utf8')) as ProcessedImage;
    cached = { ...meta, src };
  } catch {
    /* not cached yet */
  }
  return { input, ...paths, cached };
}

/** The image's files when its variants for the current options are already in the cache. */
export async function cachedImage(
  file: string,
  src: string,
  cacheDir: string,
): Promise<ProcessedImage | undefined> {
  return (await readImage(file, src, cacheDir)).cached;
}

/** An image's encoded files named before they are made: pages can link them while they encode. */
export interface ImagePlan {
  image: ProcessedImage;
  /** Already encoded (in the cache). */
  cached: boolean;
  input: Buffer;
  metaFile: string;
}

/**
 * What encoding the image gives, from the cache or from its header alone (sizes, paths, formats):
 * the same as encodeImage returns. A file that is not an image, or too many pixels, is a problem
 * here, before any page is rendered.
 */
export async function planImage(
  file: string,
  src: string,
  cacheDir: string,
): Promise<ImagePlan | Diagnostic> {
  try {
    const { input, key, dir, metaFile, cached } = await readImage(file, src, cacheDir);
    if (cached) return { image: cached, cached: true, input, metaFile };
    const meta = await (
      await loadSharp()
    )(input, {
      limitInputPixels: imageOptions.limitInputPixels,
      failOn: 'error',
    }).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    if (meta.width * meta.height > imageOptions.limitInputPixels)
      throw new Error('Input image exceeds pixel limit');
    const fallbackFormat: 'png' | 'jpeg' = meta.hasAlpha || meta.format === 'png' ? 'png' : 'jpeg';
    const widths = [...new Set(imageOptions.widths.map((w) => Math.min(w, meta.width!)))];
    const name = path
      .basename(src)
      .replace(/\.[^.]+$/, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-');
    const variant = (width: number, format: ImageVariant['format']): ImageVariant => {
      const fileName = `${name}-${key.slice(0, 8)}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
      return {
        path: `_assets/media/${fileName}`,
        width,
        format,
        cacheFile: path.join(dir, fileName),
      };
    };
    const fallbackWidth =
      widths.filter((w) => w <= imageOptions.fallbackMaxWidth).pop() ?? widths[0];
    // The intrinsic size scaled to the largest width: width/height reserve the layout box.
    const width = Math.min(meta.width, imageOptions.widths.at(-1)!);
    const image: ProcessedImage = {
      src,
      width,
      height: Math.round((meta.height * width) / meta.width),
      variants: widths.flatMap((w) => [variant(w, 'avif'), variant(w, 'webp')]),
      fallback: variant(fallbackWidth, fallbackFormat),
    };
    return { image, cached: false, input, metaFile };
  } catch (error) {
    return imageProblem(file, src, error);
  }
}

/** Encode the planned files into the cache (nothing to do for a cached image). */
export async function encodeImage(
  plan: ImagePlan,
  file: string,
): Promise<ProcessedImage | Diagnostic> {
  if (plan.cached) return plan.image;
  const { image, input, metaFile } = plan;
  try {
    const sharp = await loadSharp();
    await fs.promises.mkdir(path.dirname(metaFile), { recursive: true });
    // One encode at a time: libvips already spreads each encode over the cores, and parallel AVIF
    // encoders each hold large buffers (they pushed a 1,200-page build past 512 MB).
    for (const v of [...image.variants, image.fallback]) {
      const pipeline = sharp(input, { limitInputPixels: imageOptions.limitInputPixels }).resize({
        width: v.width,
        withoutEnlargement: true,
      });
      const encoded =
        v.format === 'avif'
          ? pipeline.avif(imageOptions.avif)
          : v.format === 'webp'
            ? pipeline.webp(imageOptions.webp)
            : v.format === 'png'
              ? pipeline.png({ compressionLevel: 9, palette: true })
              : pipeline.jpeg({ quality: 78, mozjpeg: true });
      await encoded.toFile(v.cacheFile);
    }
    const tmp = `${metaFile}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, JSON.stringify(image));
    await fs.promises.rename(tmp, metaFile);
    return image;
  } catch (error) {
    return imageProblem(file, image.src, error);
  }
}

/** Encode one image (or take it from the cache). Problems are returned, not thrown. */
export async function processImage(
  file: string,
  src: string,
  cacheDir: string,
): Promise<ProcessedImage | Diagnostic> {
  const plan = await planImage(file, src, cacheDir);
  return 'severity' in plan ? plan : encodeImage(plan, file);
}

/** sharp loads libvips (~100 ms): only when an image actually needs reading. */
async function loadSharp(): Promise<(input: Buffer, options?: SharpOptions) => Sharp> {
  const sharpModule = (await import('sharp')).default;
  // Each source is encoded once per build: libvips' operation cache would only hold memory.
  sharpModule.cache(false);
  return sharpModule as unknown as (input: Buffer, options?: SharpOptions) => Sharp;
}

function imageProblem(file: string, src: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    severity: 'error',
    ruleId: 'polycourse:image',
    file: path.relative(process.cwd(), file),
    message: `Cannot process image ${src}: ${reason}`,
    fix: /pixel/i.test(reason)
      ? `Scale the image below ${imageOptions.limitInputPixels / 1e6} ` +
        'megapixels before adding it.'
      : 'Re-export the image as PNG or JPEG; the file may be damaged.',
  };
}
