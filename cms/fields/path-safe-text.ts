/**
 * Text fields whose values end up in file names and paths (ids, media paths, caption locales):
 * refused on save with a message on the field, before the compiler ever sees them. The compiler
 * checks the same again (validateCourse, the CMS source), so a value stored before these rules
 * still cannot escape.
 */
import path from 'node:path';
import { validations, type TextFieldSingleValidation } from 'payload';
import { consentVersion } from '../../compiler/model/course.ts';
import { isSlug } from '../../compiler/model/slug-ids.ts';
import { isValidLocaleTag } from '../../compiler/model/locales.ts';

const withText =
  (check: (value: string) => string | true): TextFieldSingleValidation =>
  (value, args) => {
    const base = validations.text(value, args);
    if (base !== true) return base;
    return typeof value === 'string' && value !== '' ? check(value) : true;
  };

/**
 * Admin settings of a field whose value is code, not prose (ids, paths, locale tags, WebVTT): it
 * is laid out left to right in every admin language, so that in Arabic a timing line still reads
 * `00:00:00.000 --> 00:00:01.000` (styled in app/(payload)/custom.scss).
 */
export const leftToRight = { className: 'polycourse-ltr' } as const;

/** `media/…` relative path with no `.`/`..` segment, no backslash, no leading slash. */
export const isMediaPath = (value: string) =>
  value.startsWith('media/') &&
  !value.includes('\\') &&
  !value.includes('\0') &&
  path.posix.normalize(value) === value &&
  !value.split('/').some((s) => s === '' || s === '.' || s === '..');

/** An id: it names folders and files in the bundles. */
export const slugId = withText(
  (value) =>
    isSlug(value) ||
    `"${value}" is not a slug: use lowercase letters, digits and ` +
      'single dashes (e.g. rights-quiz); ids name folders and files.',
);

/** The version that names a questionnaire's consent text (stored with each answer). */
export const consentVersionField = withText(
  (value) =>
    consentVersion.safeParse(value).success ||
    `"${value}" is not a consent version: use letters, digits, ".", "_" and "-" (at most 100), ` +
      'e.g. 2026-12 or v2.',
);

/** A video's src or poster: an uploaded file's course path, or an https:// URL. */
export const mediaPathOrUrl = withText(
  (value) =>
    /^https?:\/\/[^\s]+$/.test(value) ||
    isMediaPath(value) ||
    `"${value}" is neither a media/… path nor an http(s):// URL: ` +
      'write the Course path of an uploaded Media document, e.g. media/intro.mp4.',
);

/** A Media document's course path. */
export const mediaPath = withText(
  (value) =>
    isMediaPath(value) ||
    `"${value}" must be a path under media/ without "..", e.g. ` +
      'media/diagram.png: it is where the file is placed in every build.',
);

/** A locale tag (captions). */
export const localeTag = withText(
  (value) =>
    isValidLocaleTag(value) ||
    `"${value}" is not a language tag: use one of the course's languages, e.g. fr.`,
);
