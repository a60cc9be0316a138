/**
 * The files target: a course model → a course folder in the layout of docs/authoring.md
 * (course.yaml, locales/<locale>.yaml, modules/<module>/<unit>.<locale>.mdx, media/,
 * media/captions/). What `polycourse export` writes; reading it back with the files source gives
 * the same model.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Course, Localized, Question } from '../model/course.ts';
import { isUnder } from '../sources/inside-root.ts';

type Tree = Record<string, unknown>;

/** Set `value` at `keys` in a nested object, creating levels; skips undefined. */
function put(tree: Tree, keys: string[], value: unknown): void {
  if (value === undefined) return;
  let node = tree;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Tree;
  node[keys[keys.length - 1]] = value;
}

function questionStructure(q: Question): Tree {
  switch (q.type) {
    case 'truefalse':
      return { id: q.id, type: q.type, correct: q.correct[0] === 'true' };
    case 'ordering':
      return { id: q.id, type: q.type, options: q.correct };
    case 'matching':
      return { id: q.id, type: q.type, pairs: q.correct.map((pair) => pair.split('=')) };
    default:
      return { id: q.id, type: q.type, options: q.options.map((o) => o.id), correct: q.correct };
  }
}

export function writeCourseFiles(course: Course, dir: string): string[] {
  const written: string[] = [];
  const write = (rel: string, content: string | Buffer) => {
    const file = path.join(dir, rel);
    // Ids become file names; validateCourse refuses ids that are not slugs, and this keeps it so.
    if (!isUnder(path.resolve(dir), path.resolve(file)))
      throw new Error(
        `${rel} would be written outside ${dir}; nothing more was ` +
          'written. Fix the ids of the course (validate it first).',
      );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    written.push(file);
  };
  const q = course.questionnaire;
  const structure: Tree = {
    id: course.id,
    sourceLocale: course.sourceLocale,
    locales: course.locales,
    theme: course.theme,
    points: course.points,
    glossary: course.glossary.map((g) => g.id),
    ...(q
      ? {
          questionnaire: {
            id: q.id,
            scale: q.scale,
            items: q.items.map((i) => i.id),
            reversed: q.items.filter((i) => i.reversed).map((i) => i.id),
            ...(q.consent ? { consent: q.consent.version } : {}),
          },
        }
      : {}),
    modules: course.modules.map((m) => ({
      id: m.id,
      units: m.units.map((u) => {
        switch (u.kind) {
          case 'video':
            return {
              id: u.id,
              kind: u.kind,
              src: u.src.url ?? u.src.path,
              ...(u.poster ? { poster: u.poster.url ?? u.poster.path } : {}),
            };
          case 'quiz':
            return {
              id: u.id,
              kind: u.kind,
              passMark: u.passMark,
              questions: u.questions.map(questionStructure),
            };
          case 'challenge':
            return { id: u.id, kind: u.kind, points: u.points };
          default:
            return { id: u.id, kind: u.kind };
        }
      }),
    })),
  };
  write('course.yaml', YAML.stringify(structure, { lineWidth: 0 }));

  for (const locale of course.locales) {
    const texts: Tree = {};
    const t = (keys: string[], value: Localized | undefined) => put(texts, keys, value?.[locale]);
    t(['title'], course.title);
    t(['description'], course.description);
    for (const g of course.glossary) {
      t(['glossary', g.id, 'term'], g.term);
      t(['glossary', g.id, 'definition'], g.definition);
    }
    if (q) {
      t(['questionnaire', 'title'], q.title);
      t(['questionnaire', 'intro'], q.intro);
      const labels = q.scaleLabels.map((l) => l[locale]);
      if (labels.every((l) => l !== undefined)) put(texts, ['questionnaire', 'scale'], labels);
      for (const item of q.items) t(['questionnaire', 'items', item.id], item.text);
      t(['questionnaire', 'consent'], q.consent?.text);
    }
    for (const m of course.modules) {
      const mp = ['modules', m.id];
      t([...mp, 'title'], m.title);
      t([...mp, 'summary'], m.summary);
      for (const u of m.units) {
        const up = [...mp, 'units', u.id];
        t([...up, 'title'], u.title);
        if (u.kind === 'lesson' || u.kind === 'infosheet') {
          const body = u.body[locale];
          if (body) write(`modules/${m.id}/${u.id}.${locale}.mdx`, body.text);
        } else if (u.kind === 'video') {
          t([...up, 'transcript'], u.transcript);
          const caption = u.captions[locale];
          if (caption?.file)
            write(`media/captions/${u.id}.${locale}.vtt`, fs.readFileSync(caption.file));
        } else if (u.kind === 'quiz') {
          t([...up, 'intro'], u.intro);
          for (const question of u.questions) {
            const qp = [...up, 'questions', question.id];
            t([...qp, 'prompt'], question.prompt);
            for (const o of question.options) {
              t([...qp, 'options', o.id], o.text);
              t([...qp, 'optionFeedback', o.id], o.feedback);
            }
            for (const target of question.targets ?? [])
              t([...qp, 'targets', target.id], target.text);
            t([...qp, 'feedback', 'correct'], question.feedback.correct);
            t([...qp, 'feedback', 'incorrect'], question.feedback.incorrect);
          }
        } else if (u.kind === 'challenge') {
          t([...up, 'prompt'], u.prompt);
          t([...up, 'commitment'], u.commitment);
        }
      }
    }
    if (Object.keys(texts).length)
      write(`locales/${locale}.yaml`, YAML.stringify(texts, { lineWidth: 0 }));
  }

  // Media: every file of the course's media folder except captions (written per unit above).
  if (course.mediaRoot) {
    const mediaDir = path.join(course.mediaRoot, course.mediaDir);
    if (fs.existsSync(mediaDir)) {
      for (const rel of (fs.readdirSync(mediaDir, { recursive: true }) as string[]).sort()) {
        const file = path.join(mediaDir, rel);
        if (fs.statSync(file).isFile() && !rel.split(path.sep).includes('captions'))
          write(path.join('media', rel), fs.readFileSync(file));
      }
    }
  }
  return written;
}
