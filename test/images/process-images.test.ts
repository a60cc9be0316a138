/** The image stage with real sharp: formats, widths, dimensions, the cache, and hostile inputs. */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cachedImage, processImage } from '../../compiler/images/process-images.ts';
import { processCourseImages } from '../../compiler/images/process-course-images.ts';
import { readCourse } from '../../compiler/sources/read-course.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { writeNoiseImage } from '../helpers/noise-image.ts';
import { copyCourse, tempDir } from '../helpers/temp-course.ts';

const diagram = path.join(miniCourseDir, 'media/diagram.png');

describe('processImage', () => {
  it('encodes AVIF and WebP at each width up to the original, plus a PNG fallback', async () => {
    const cache = tempDir();
    const result = await processImage(diagram, 'media/diagram.png', cache);
    if ('severity' in result) throw new Error(result.message);
    expect(result.variants.map((v) => `${v.format}@${v.width}`).sort()).toEqual([
      'avif@480',
      'avif@640',
      'webp@480',
      'webp@640',
    ]);
    expect(result.fallback).toMatchObject({ format: 'png', width: 640 });
    expect([result.width, result.height]).toEqual([640, 400]);
    for (const v of [...result.variants, result.fallback]) {
      expect(v.path).toMatch(/^_assets\/media\/diagram-[0-9a-f]{8}-\d+\.(avif|webp|png)$/);
      const meta = await sharp(v.cacheFile).metadata();
      expect(meta.width).toBe(v.width);
      expect(meta.format === 'heif' ? 'avif' : meta.format).toBe(v.format);
    }
  });

  it('reuses the cache for the same bytes and options', async () => {
    const cache = tempDir();
    const first = await processImage(diagram, 'media/diagram.png', cache);
    if ('severity' in first) throw new Error(first.message);
    const stamp = fs.statSync(first.fallback.cacheFile).mtimeMs;
    const again = await processImage(diagram, 'media/diagram.png', cache);
    expect(again).toEqual(first);
    expect(fs.statSync(first.fallback.cacheFile).mtimeMs).toBe(stamp);
  });

  it('refuses a decompression bomb (too many pixels) with a fix', async () => {
    const dir = tempDir();
    const bomb = path.join(dir, 'bomb.png');
    // 8000 x 8000 of one colour: a few kilobytes on disk, 64 megapixels decoded.
    await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9, palette: true })
      .toFile(bomb);
    expect(fs.statSync(bomb).size).toBeLessThan(300_000);
    const result = await processImage(bomb, 'media/bomb.png', tempDir());
    expect(result).toMatchObject({ severity: 'error', ruleId: 'polycourse:image' });
    expect('fix' in result && result.fix).toMatch(/megapixels/);
  });

  it('reports a damaged file instead of throwing', async () => {
    const dir = tempDir();
    const broken = path.join(dir, 'broken.png');
    fs.writeFileSync(broken, fs.readFileSync(diagram).subarray(0, 200));
    const result = await processImage(broken, 'media/broken.png', tempDir());
    expect(result).toMatchObject({
      severity: 'error',
      ruleId: 'polycourse:image',
      message: expect.stringContaining('media/broken.png'),
    });
  });
});

describe('processCourseImages', () => {
  it('lists the images in file order whichever finishes first, so two builds agree', async () => {
    const course = copyCourse(miniCourseDir);
    const media = path.join(course, 'media');
    // Images of very different sizes, so that the two encoders finish out of order.
    for (const [name, width] of [
      ['a-large.png', 1600],
      ['b-small.png', 16],
      ['c-medium.png', 700],
      ['d-tiny.png', 8],
    ] as const)
      await sharp({ create: { width, height: width, channels: 3, background: '#369' } })
        .png()
        .toFile(path.join(media, name));
    const read = readCourse(course);
    if (!read.course) throw new Error('the mini course does not read');
    const cache = tempDir();
    const expected = ['a-large.png', 'b-small.png', 'c-medium.png', 'd-tiny.png', 'diagram.png'];
    for (let run = 0; run < 3; run++) {
      const { images, diagnostics } = await processCourseImages(read.course, cache);
      expect(diagnostics).toEqual([]);
      expect([...images.keys()]).toEqual([...expected, 'poster.png'].map((f) => `media/${f}`));
    }
  }, 60_000);

  it('stop() ends the encoder: what it had not encoded is left for the next build', async () => {
    const course = copyCourse(miniCourseDir);
    const big = path.join(course, 'media/noise.jpg');
    await writeNoiseImage(big);
    const read = readCourse(course);
    if (!read.course) throw new Error('the mini course does not read');
    const cache = tempDir();
    const images = await processCourseImages(read.course, cache);
    expect(images.images.get('media/noise.jpg')?.width).toBe(1440);
    images.stop();
    const problems = await images.encoded;
    expect(problems.map((p) => p.message)).toContain(
      'The build stopped before the images were encoded.',
    );
    expect(await cachedImage(big, 'media/noise.jpg', cache)).toBeUndefined();
  }, 60_000);
});
