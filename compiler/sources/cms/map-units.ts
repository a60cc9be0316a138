/**
 * Unit documents → the model's units, by kind. A video's media paths must stay under media/ of the
 * course; its captions are written into the cache folder, named by unit id and locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LocalizedDocument, MediaRef, Question, Unit } from '../../model/course.ts';
import { isUnder, resolveInside } from '../inside-root.ts';
import { localized, slug, type CmsContext } from './cms-context.ts';
import type { CmsQuestionDocument, CmsUnitDocument } from './cms-reader.ts';
import { webVttFix, webVttProblems } from '../../model/webvtt-problems.ts';

export function mapUnit(context: CmsContext, u: CmsUnitDocument, moduleId: string): Unit {
  const base = { id: u.unitId, title: localized(u.title) };
  switch (u.kind) {
    case 'lesson':
    case 'infosheet': {
      const body: LocalizedDocument = {};
      for (const [locale, text] of Object.entries(localized(u.body))) {
        const file = `${context.where}/${moduleId}/${u.unitId}.${locale}.mdx`;
        body[locale] = { text, file, baseDir: `modules/${moduleId}` };
      }
      return { ...base, kind: u.kind, body };
    }
    case 'video': {
      const captions = mapCaptions(context, u);
      return {
        ...base,
        kind: 'video',
        src: mediaRef(context, u.src, `units/${u.unitId}/src`)!,
        poster: mediaRef(context, u.poster, `units/${u.unitId}/poster`),
        captions,
        transcript: localized(u.transcript),
      };
    }
    case 'challenge':
      return {
        ...base,
        kind: 'challenge',
        points: u.points ?? 20,
        prompt: localized(u.prompt),
        commitment: localized(u.commitment),
      };
    case 'quiz':
      return {
        ...base,
        kind: 'quiz',
        passMark: u.passMark ?? 60,
        intro: localized(u.intro),
        questions: (u.questions ?? []).map(mapQuestion),
      };
  }
}

function mapQuestion(q: CmsQuestionDocument): Question {
  const targets = (q.targets ?? []).map((t) => ({
    id: t.targetId ?? '',
    text: localized(t.text),
  }));
  return {
    // A JSON field: the answer key as stored; validateCourse checks it.
    id: q.questionId ?? '',
    type: q.type,
    prompt: localized(q.prompt),
    correct: (q.correct ?? []) as string[],
    options: (q.options ?? []).map((o) => {
      const feedback = localized(o.feedback);
      const withFeedback = Object.keys(feedback).length ? { feedback } : {};
      return { id: o.optionId ?? '', text: localized(o.text), ...withFeedback };
    }),
    ...(q.type === 'matching' ? { targets } : {}),
    feedback: { correct: localized(q.correctFeedback), incorrect: localized(q.incorrectFeedback) },
  };
}

/** A video's captions, written to media/captions/<unit>.<locale>.vtt under the cache folder. */
function mapCaptions(context: CmsContext, u: CmsUnitDocument): Record<string, MediaRef> {
  const { origin, root, withMedia, languages, diagnostics } = context;
  const captions: Record<string, MediaRef> = {};
  for (const c of u.captions ?? []) {
    // Ids and locales become file names: only a slug and one of the course's languages may.
    if (!slug.test(String(u.unitId)) || !languages.includes(c.locale)) {
      const why = slug.test(String(u.unitId))
        ? `"${c.locale}" is not one of the course's languages`
        : 'the unit id is not a slug';
      diagnostics.push({
        severity: 'error',
        ruleId: 'polycourse:media-path',
        path: `${origin}units/${u.unitId}/captions/${c.locale}`,
        message: `Captions for locale "${c.locale}" of unit "${u.unitId}" cannot be placed: ${why}`,
        fix:
          `Use a locale of the course (${languages.join(', ')}) ` +
          'and a unit id of lowercase letters, digits and dashes.',
      });
      continue;
    }
    // The same check as a course folder's caption files (and the CMS's field on save).
    for (const problem of webVttProblems(c.vtt).slice(0, 10))
      diagnostics.push({
        severity: 'error',
        ruleId: 'polycourse:captions',
        path: `${origin}units/${u.unitId}/captions/${c.locale}`,
        line: problem.line,
        column: problem.column ?? 1,
        message: `Captions are not valid WebVTT: ${problem.message}`,
        fix: webVttFix,
      });
    const rel = `media/captions/${u.unitId}.${c.locale}.vtt`;
    if (withMedia) fs.writeFileSync(path.join(root, rel), c.vtt);
    captions[c.locale] = { path: rel, file: path.join(root, rel) };
  }
  return captions;
}

/** A unit's media path (units/<unit>/src|poster): an https:// URL, or a path under its media/. */
function mediaRef(
  context: CmsContext,
  ref: string | null | undefined,
  field: string,
): MediaRef | undefined {
  const { origin, root, withMedia, diagnostics } = context;
  if (!ref) return undefined;
  if (/^https?:\/\//.test(ref)) return { path: ref, url: ref };
  const inside = resolveInside(root, ref);
  if (!inside.ok || !isUnder(path.join(root, 'media'), inside.file)) {
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:media-path',
      path: `${origin}${field}`,
      message:
        `Media path "${ref}" ${inside.ok ? 'is not under media/' : inside.reason}: ` +
        'a course may use only media uploaded to the CMS',
      fix: 'Write the Course path of an uploaded Media document (media/…), or an https:// URL.',
    });
    return { path: ref };
  }
  if (withMedia && !fs.statSync(inside.file, { throwIfNoEntry: false })?.isFile()) {
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:missing-media',
      path: `${origin}${field}`,
      message: `Media ${ref} is not in the CMS`,
      fix: 'Upload it to Media with this course path.',
    });
  }
  return { path: ref, file: inside.file };
}
