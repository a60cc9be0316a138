/**
 * A video's caption text (units/captions/vtt): refused unless it is WebVTT, with the line and
 * column of each problem W3C's validator finds and how to fix it — on the field as the author
 * edits, and on every save, drafts included (Payload validates only what is published; a draft
 * with broken captions would fail later, at Publish bundles). The compiler checks the same
 * (compiler/model/webvtt-problems.ts), so what the CMS stores it also builds.
 */
import {
  ValidationError,
  validations,
  type FieldHook,
  type TextareaFieldValidation,
} from 'payload';
import { webVttFix, webVttProblems } from '../../compiler/model/webvtt-problems.ts';

/** What is wrong with the text, as the field shows it; undefined when it is WebVTT. */
function webVttMessage(value: string): string | undefined {
  const problems = webVttProblems(value);
  if (!problems.length) return undefined;
  const listed = problems
    .slice(0, 5)
    .map((p) => `${p.line}:${p.column ?? 1} ${p.message}`)
    .join('\n');
  const more = problems.length > 5 ? `\n… and ${problems.length - 5} more.` : '';
  return `Not valid WebVTT:\n${listed}${more}\nFix: ${webVttFix}`;
}

export const webVttText: TextareaFieldValidation = (value, args) => {
  const base = validations.textarea(value, args);
  if (base !== true || typeof value !== 'string' || value === '') return base;
  // While the author edits (form state); a save is checked once, by the hook below.
  if (args.event !== 'onChange') return true;
  return webVttMessage(value) ?? true;
};

export const refuseInvalidWebVtt: FieldHook = ({ value, path, collection }) => {
  if (typeof value !== 'string' || value === '') return value;
  const message = webVttMessage(value);
  if (message)
    throw new ValidationError({
      collection: collection?.slug ?? 'units',
      errors: [{ path: path.join('.'), message }],
    });
  return value;
};
