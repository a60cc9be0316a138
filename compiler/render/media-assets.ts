/**
 * Non-image media (videos, captions) get content-hashed names inside `_assets/`; images come from
 * the image stage. Every locale bundle carries its own copy, so one locale folder works alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../model/fingerprint.ts';
import type { Course } from '../model/course.ts';
import type { ProcessedImage } from '../images/process-images.ts';

export interface BundleAsset {
  /** Path inside a locale folder. */
  bundlePath: string;
  /** File to copy from. */
  from: string;
}

export interface MediaAssets {
  /** media path as written in the course (media/x.mp4) → bundle path */
  files: Map<string, string>;
  images: Map<string, ProcessedImage>;
  /** Every file to place in each locale bundle. */
  assets: BundleAsset[];
}

function hashedName(file: string, folder: string): string {
  const hash = sha256(fs.readFileSync(file)).slice(0, 8);
  const ext = path.extname(file);
  const base = path.basename(file, ext).replace(/[^A-Za-z0-9_.-]+/g, '-');
  return `_assets/${folder}/${base}-${hash}${ext}`;
}

/** Name every video and caption file of the course and list the assets of a bundle. */
export function collectMediaAssets(
  course: Course,
  images: Map<string, ProcessedImage>,
): MediaAssets {
  const files = new Map<string, string>();
  const assets: BundleAsset[] = [];
  const add = (ref: { path: string; file?: string; url?: string }, folder: string) => {
    if (ref.url || !ref.file || files.has(ref.path)) return;
    const bundlePath = hashedName(ref.file, folder);
    files.set(ref.path, bundlePath);
    assets.push({ bundlePath, from: ref.file });
  };
  for (const module of course.modules) {
    for (const unit of module.units) {
      if (unit.kind !== 'video') continue;
      add(unit.src, 'media');
      for (const caption of Object.values(unit.captions)) add(caption, 'captions');
    }
  }
  for (const image of images.values()) {
    for (const v of [...image.variants, image.fallback])
      assets.push({ bundlePath: v.path, from: v.cacheFile });
  }
  return { files, images, assets };
}
