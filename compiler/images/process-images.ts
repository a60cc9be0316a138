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

/** True when the image's variants for the current options are already in the cache. */
export function isImageCached(file: string, cacheDir: string): boolean {
  return fs.existsSync(cachePaths(fs.readFileSync(file), cacheDir).metaFile);
}

/** Encode one image (or take it from the cache). Problems are returned, not thrown. */
export async function processImage(
  file: string,
  src: string,
  cacheDir: string,
): Promise<ProcessedImage | Diagnostic> {
  const input = await fs.promises.readFile(file);
  const { key, dir, metaFile } = cachePaths(input, cacheDir);
  try {
    const cached = JSON.parse(await fs.promises.readFile(metaFile, 'utf8')) as ProcessedImage;
    return { ...cached, src };
  } catch {
    /* not cached yet */
  }

  try {
    // sharp loads libvips (~100 ms): only when an image actually needs encoding.
    const sharpModule = (await import('sharp')).default;
    // Each source is encoded once per build: libvips' operation cache would only hold memory.
    sharpModule.cache(false);
    const sharp = sharpModule as unknown as (input: Buffer, options?: SharpOptions) => Sharp;
    const base = sharp(input, { limitInputPixels: imageOptions.limitInputPixels, failOn: 'error' });
    const meta = await base.metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    const fallbackFormat: 'png' | 'jpeg' = meta.hasAlpha || meta.format === 'png' ? 'png' : 'jpeg';
    const widths = [...new Set(imageOptions.widths.map((w) => Math.min(w, meta.width!)))];
    const name = path
      .basename(src)
      .replace(/\.[^.]+$/, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-');
    await fs.promises.mkdir(dir, { recursive: true });
    // One encode at a time: libvips already spreads each encode over the cores, and parallel AVIF
    // encoders each hold large buffers (they pushed a 1,200-page build past 512 MB).
    const variants: ImageVariant[] = [];
    for (const width of widths) {
      for (const format of ['avif', 'webp'] as const)
        variants.push(await encode(input, width, format));
    }
    const fallbackWidth =
      widths.filter((w) => w <= imageOptions.fallbackMaxWidth).pop() ?? widths[0];
    variants.push(await encode(input, fallbackWidth, fallbackFormat));
    const result: ProcessedImage = {
      src,
      width: meta.width,
      height: meta.height,
      variants: variants.filter((v) => v.format === 'avif' || v.format === 'webp'),
      fallback: variants[variants.length - 1],
    };
    // Scale the intrinsic size to the fallback width: width/height reserve the layout box.
    result.height = Math.round(
      (meta.height * Math.min(meta.width, imageOptions.widths.at(-1)!)) / meta.width,
    );
    result.width = Math.min(meta.width, imageOptions.widths.at(-1)!);
    const tmp = `${metaFile}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, JSON.stringify(result));
    await fs.promises.rename(tmp, metaFile);
    return result;

    async function encode(
      data: Buffer,
      width: number,
      format: ImageVariant['format'],
    ): Promise<ImageVariant> {
      const pipeline = sharp(data, { limitInputPixels: imageOptions.limitInputPixels }).resize({
        width,
        withoutEnlargement: true,
      });
      const encoded =
        format === 'avif'
          ? pipeline.avif(imageOptions.avif)
          : format === 'webp'
            ? pipeline.webp(imageOptions.webp)
            : format === 'png'
              ? pipeline.png({ compressionLevel: 9, palette: true })
              : pipeline.jpeg({ quality: 78, mozjpeg: true });
      const fileName = `${name}-${key.slice(0, 8)}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
      const cacheFile = path.join(dir, fileName);
      await encoded.toFile(cacheFile);
      return { path: `_assets/media/${fileName}`, width, format, cacheFile };
    }
  } catch (error) {
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
}
