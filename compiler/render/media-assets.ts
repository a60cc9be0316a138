/**
 * Non-image media (videos, captions) get content-hashed names inside `_assets/`; images come from
 * the image stage. Every locale bundle carries its own copy, so one locale folder works alone.
 * Each caption file also gets its cues as a classic script (`<name>.vtt.js`) for pages opened from
 * files, where Chromium refuses `<track>` (runtime/browser/enhance-video.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import webvtt from 'webvtt-parser';
import { sha256 } from '../model/fingerprint.ts';
import type { Course } from '../model/course.ts';
import type { ProcessedImage } from '../images/process-images.ts';
import { rebuildVtt, segmentVtt } from '../translation/segment-vtt.ts';
import { renumber } from '../translation/body-segments.ts';

export type BundleAsset = {
  /** Path inside a locale folder. */
  bundlePath: string;
} & (
  | {
      /** File to copy from. */
      from: string;
    }
  | {
      /** Text to write. */
      content: string;
    }
);

export interface MediaAssets {
  /** media path as written in the course (media/x.mp4) → bundle path */
  files: Map<string, string>;
  images: Map<string, ProcessedImage>;
  /** Every file to place in each locale bundle, besides the images' (stage-encoded-images). */
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
  const addCaptions = (ref: { path: string; file?: string }, text: string) => {
    if (!ref.file || files.has(ref.path)) return;
    const ext = path.extname(ref.file);
    const base = path.basename(ref.file, ext).replace(/[^A-Za-z0-9_.-]+/g, '-');
    const bundlePath = `_assets/captions/${base}-${sha256(text).slice(0, 8)}${ext}`;
    files.set(ref.path, bundlePath);
    assets.push({ bundlePath, content: text });
    assets.push({ bundlePath: `${bundlePath}.js`, content: captionCuesScript(text, bundlePath) });
  };
  for (const module of course.modules) {
    for (const unit of module.units) {
      if (unit.kind !== 'video') continue;
      add(unit.src, 'media');
      const source = unit.captions[course.sourceLocale];
      const sourceText = source?.file && fs.readFileSync(source.file, 'utf8');
      for (const caption of Object.values(unit.captions)) {
        if (!caption.file) continue;
        const text = fs.readFileSync(caption.file, 'utf8');
        addCaptions(caption, sourceText ? withSourceTimings(text, sourceText) : text);
      }
    }
  }
  return { files, images, assets };
}

/**
 * A classic script that hands the cues of a caption file to the runtime, keyed by the file's
 * bundle name: `start`, `end`, `text` (the cue text as written, tags and character references
 * included, for `new VTTCue`), `id` when it has one and `settings` (VTTCue's property names) where
 * they differ from the defaults. Classic scripts load on file://, where `<track>` is refused.
 */
function captionCuesScript(text: string, bundlePath: string): string {
  const { cues } = new webvtt.WebVTTParser().parse(text);
  const list = cues.map((c) => {
    const settings: Record<string, string | number | boolean> = {};
    if (c.direction !== 'horizontal') settings.vertical = c.direction;
    if (c.linePosition !== 'auto') {
      settings.snapToLines = c.snapToLines;
      settings.line = c.linePosition;
    }
    if (c.lineAlign !== 'start') settings.lineAlign = c.lineAlign;
    if (c.textPosition !== 'auto') settings.position = c.textPosition;
    if (c.positionAlign !== 'auto') settings.positionAlign = c.positionAlign;
    if (c.size !== 100) settings.size = c.size;
    if (c.alignment !== 'center') settings.align = c.alignment;
    return {
      start: c.startTime,
      end: c.endTime,
      text: c.text,
      ...(c.id ? { id: c.id } : {}),
      ...(Object.keys(settings).length ? { settings } : {}),
    };
  });
  const key = JSON.stringify(path.posix.basename(bundlePath));
  const registry = 'globalThis.__polycourseCaptions';
  return `(${registry} = ${registry} || {})[${key}] = ${JSON.stringify(list)};\n`;
}

/**
 * A translated caption file with the source's timings, settings and cue ids: they are the source's
 * (translators translate cue texts, segment-vtt.ts), so a video re-timed after its captions were
 * translated plays its translations in time without a new translation round. Only a translation
 * cue for cue with the source's (the same number of cues, as every exchange file makes them) is
 * rebuilt; a caption file made another way is used as it is.
 */
function withSourceTimings(text: string, sourceText: string): string {
  if (text === sourceText) return text;
  const source = segmentVtt(sourceText);
  const translated = segmentVtt(text);
  if (!source.length || translated.length !== source.length) return text;
  if (translated.every((cue, i) => cue.timing === source[i].timing)) return text;
  const rebuilt = rebuildVtt(
    sourceText,
    source,
    translated.map((cue, i) => renumber(cue, source[i].codes)),
  );
  return rebuilt.errors.length ? text : rebuilt.text;
}
