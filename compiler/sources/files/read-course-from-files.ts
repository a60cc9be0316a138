/**
 * The files source: `courses/<id>/` (course.yaml, locales/*.yaml, modules/**\/*.mdx, media/) → course model.
 * Layout documented in docs/authoring.md. Problems come back as positioned diagnostics, never thrown.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Course, CourseModule, Localized, LocalizedDocument, MediaRef, Question, Unit } from '../../model/course.ts';
import type { Diagnostic, SourcePosition } from '../../model/diagnostic.ts';
import { courseFileSchema, type UnitFile } from './course-file-schema.ts';
import { sha256 } from '../../model/fingerprint.ts';
import { readYamlFile, type YamlFile } from './yaml-document.ts';
import { readTextFile } from './read-text-file.ts';
import { isValidLocaleTag } from '../../model/locales.ts';
import { findEscapingLinks, isUnder, realRoot, resolveInside } from '../inside-root.ts';

export interface SourceResult {
  course?: Course;
  diagnostics: Diagnostic[];
  /** Model path (dot-joined ids) → where it was written; used to position model-level problems. */
  locate(modelPath: string): SourcePosition | undefined;
  /** Every file read. */
  inputs: string[];
  /** sha256 over every input file (name and content), recorded in the manifest. */
  inputsHash(): string;
}

type YamlPath = (string | number)[];

/** Read a course folder into the model. */
export function readCourseFromFiles(courseDir: string): SourceResult {
  const diagnostics: Diagnostic[] = [];
  const positions = new Map<string, SourcePosition>();
  const inputs: string[] = [];
  const display = (file: string) => path.relative(process.cwd(), file) || file;
  const locate = (modelPath: string) => {
    for (let p = modelPath; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const hit = positions.get(p);
      if (hit) return hit;
    }
    return positions.get('');
  };
  const inputsHash = () => sha256(...inputs.sort().flatMap((f) => [path.relative(courseDir, f), fs.readFileSync(f)]));
  const result = (course?: Course): SourceResult => ({ course, diagnostics, locate, inputs, inputsHash });

  const courseFile = path.join(courseDir, 'course.yaml');
  // Nothing outside the course folder is read: a symbolic link that leaves it refuses the course before
  // any file is opened (links that stay inside are read as what they point to).
  const escaping = findEscapingLinks(courseDir, courseDir);
  for (const [link, target] of escaping) {
    diagnostics.push({
      severity: 'error', ruleId: 'polycourse:media-path', file: display(link),
      message: `${display(link)} is a symbolic link to ${target}, outside the course folder: nothing outside the course is read`,
      fix: 'Copy the file into the course folder instead of linking to it.',
    });
  }
  if (escaping.length) return result();
  if (!fs.existsSync(courseFile)) {
    diagnostics.push({
      severity: 'error', ruleId: 'polycourse:missing-file', message: `No course.yaml in ${display(courseDir)}`,
      file: display(courseFile), fix: 'Point the command at a course folder (see docs/authoring.md), or create course.yaml there.',
    });
    return result();
  }
  inputs.push(courseFile);
  const parsed = readYamlFile(courseFile, display(courseFile));
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.yaml) return result();
  const structureYaml = parsed.yaml;
  positions.set('', structureYaml.positionOf([]));
  for (const key of ['theme', 'locales', 'sourceLocale', 'points', 'glossary', 'questionnaire']) positions.set(key, structureYaml.positionOf([key]));

  const checked = courseFileSchema.safeParse(structureYaml.data);
  if (!checked.success) {
    diagnostics.push(...schemaDiagnostics(checked.error, structureYaml));
    return result();
  }
  const structure = checked.data;
  const { sourceLocale, locales } = structure;
  // Locales name files (locales/<locale>.yaml, <unit>.<locale>.mdx): a tag like "../x" opens none.
  const badTags = locales.map((l, i) => [l, i] as const).filter(([l]) => !isValidLocaleTag(l));
  for (const [l, i] of badTags) {
    diagnostics.push({
      severity: 'error', ruleId: 'polycourse:locale-tag', ...structureYaml.positionOf(['locales', i]),
      message: `"${l}" is not a valid BCP 47 language tag`, fix: 'Use a tag such as "fr", "pt-BR" or "zh-Hans".',
    });
  }
  if (badTags.length) return result();
  if (!locales.includes(sourceLocale)) {
    diagnostics.push({
      severity: 'error', ruleId: 'polycourse:source-locale', ...structureYaml.positionOf(['sourceLocale']),
      message: `sourceLocale "${sourceLocale}" is not in locales [${locales.join(', ')}]`, fix: `Add "${sourceLocale}" to locales.`,
    });
    return result();
  }

  // One YAML document of texts per locale.
  const texts = new Map<string, YamlFile>();
  for (const locale of locales) {
    const file = path.join(courseDir, 'locales', `${locale}.yaml`);
    if (!fs.existsSync(file)) {
      diagnostics.push({
        severity: locale === sourceLocale ? 'error' : 'warning', ruleId: 'polycourse:missing-locale-file',
        message: `No texts for locale "${locale}": ${display(file)} does not exist`, file: display(file),
        fix: locale === sourceLocale ? 'Create it: it holds every text of the source locale.' : `Create it, or the whole course shows in ${sourceLocale} for "${locale}".`,
      });
      continue;
    }
    inputs.push(file);
    const read = readYamlFile(file, display(file));
    diagnostics.push(...read.diagnostics);
    if (read.yaml) texts.set(locale, read.yaml);
  }
  if (!texts.has(sourceLocale)) return result();

  const readPaths = new Set<string>();
  /** Gather one text from every locale file; required in the source locale. */
  const text = (yamlPath: YamlPath, modelPath: string, required = true): Localized => {
    readPaths.add(yamlPath.join('\u0000'));
    const out: Localized = {};
    for (const [locale, yaml] of texts) {
      const value = getIn(yaml.data, yamlPath);
      positions.set(`${modelPath}.${locale}`, yaml.positionOf(yamlPath));
      if (typeof value === 'string' || typeof value === 'number') out[locale] = String(value);
      else if (value !== undefined && value !== null) {
        diagnostics.push({
          severity: 'error', ruleId: 'polycourse:text-type', ...yaml.positionOf(yamlPath),
          message: `${yamlPath.join('.')} must be text, found ${Array.isArray(value) ? 'a list' : typeof value}`,
          fix: 'Write the text as a YAML string (use `|` for several lines).',
        });
      }
    }
    if (required && !(sourceLocale in out)) {
      diagnostics.push({
        severity: 'error', ruleId: 'polycourse:missing-source-text', ...texts.get(sourceLocale)!.positionOf(yamlPath),
        message: `Missing ${yamlPath.join('.')} in the source locale "${sourceLocale}"`,
        fix: `Add ${yamlPath.join('.')} to locales/${sourceLocale}.yaml.`,
      });
    }
    positions.set(modelPath, texts.get(sourceLocale)!.positionOf(yamlPath));
    return out;
  };

  const body = (moduleId: string, unitId: string, modelPath: string): LocalizedDocument => {
    const out: LocalizedDocument = {};
    for (const locale of locales) {
      const file = path.join(courseDir, 'modules', moduleId, `${unitId}.${locale}.mdx`);
      if (!fs.existsSync(file)) continue;
      inputs.push(file);
      const read = readTextFile(file, display(file));
      diagnostics.push(...read.diagnostics);
      out[locale] = { text: read.text, file: display(file), baseDir: `modules/${moduleId}` };
    }
    if (!out[sourceLocale]) {
      const file = display(path.join(courseDir, 'modules', moduleId, `${unitId}.${sourceLocale}.mdx`));
      diagnostics.push({
        severity: 'error', ruleId: 'polycourse:missing-body', file, message: `Missing body of unit "${unitId}" in the source locale: ${file}`,
        fix: 'Create the MDX file (see docs/authoring.md).',
      });
    }
    positions.set(modelPath, structureYaml.positionOf(unitYamlPath(moduleId, unitId)));
    return out;
  };

  const unitYamlPath = (moduleId: string, unitId: string): YamlPath => {
    const m = structure.modules.findIndex((x) => x.id === moduleId);
    const u = structure.modules[m].units.findIndex((x) => x.id === unitId);
    return ['modules', m, 'units', u];
  };

  const mediaRoot = path.join(realRoot(courseDir), 'media');
  const media = (ref: string, yamlPath: YamlPath): MediaRef => {
    if (/^https?:\/\//.test(ref)) return { path: ref, url: ref };
    const inside = resolveInside(courseDir, ref);
    if (!inside.ok || !isUnder(mediaRoot, inside.file)) {
      diagnostics.push({
        severity: 'error', ruleId: 'polycourse:media-path', ...structureYaml.positionOf(yamlPath),
        message: `Media path "${ref}" ${inside.ok ? 'is not in the course\'s media/ folder' : inside.reason}: a course may use only its own media`,
        fix: 'Put the file in the course\'s media/ folder and write its path from the course folder, e.g. media/intro.mp4 (or use an https:// URL).',
      });
      return { path: ref };
    }
    const file = inside.file;
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      diagnostics.push({
        severity: 'error', ruleId: 'polycourse:missing-media', ...structureYaml.positionOf(yamlPath),
        message: `Media file not found: ${ref}`, fix: `Put the file at ${display(file)} or correct the path.`,
      });
    } else inputs.push(file);
    return { path: ref, file };
  };

  const readUnit = (moduleId: string, u: UnitFile, unitPath: YamlPath): Unit => {
    const tPath = ['modules', moduleId, 'units', u.id];
    const mPath = `modules.${moduleId}.units.${u.id}`;
    positions.set(mPath, structureYaml.positionOf(unitPath));
    const title = text([...tPath, 'title'], `${mPath}.title`);
    switch (u.kind) {
      case 'lesson':
      case 'infosheet':
        return { id: u.id, kind: u.kind, title, body: body(moduleId, u.id, `${mPath}.body`) };
      case 'video': {
        const captions: Record<string, MediaRef> = {};
        for (const locale of locales) {
          const file = path.join(courseDir, 'media', 'captions', `${u.id}.${locale}.vtt`);
          if (fs.existsSync(file)) {
            inputs.push(file);
            const read = readTextFile(file, display(file));
            diagnostics.push(...read.diagnostics);
            if (!/^\uFEFF?WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(read.text)) {
              diagnostics.push({
                severity: 'error', ruleId: 'polycourse:captions', file: display(file), line: 1, column: 1,
                message: 'Captions must be WebVTT: the file does not start with "WEBVTT"', fix: 'Convert the captions to WebVTT (e.g. `ffmpeg -i captions.srt captions.vtt`).',
              });
            }
            captions[locale] = { path: path.relative(courseDir, file).split(path.sep).join('/'), file };
          }
        }
        return {
          id: u.id, kind: 'video', title, src: media(u.src, [...unitPath, 'src']),
          poster: u.poster ? media(u.poster, [...unitPath, 'poster']) : undefined,
          captions, transcript: text([...tPath, 'transcript'], `${mPath}.transcript`),
        };
      }
      case 'quiz':
        return {
          id: u.id, kind: 'quiz', title, passMark: u.passMark, intro: text([...tPath, 'intro'], `${mPath}.intro`, false),
          questions: u.questions.map((q, qi): Question => {
            const qPath = [...tPath, 'questions', q.id];
            const qm = `${mPath}.questions.${q.id}`;
            positions.set(qm, structureYaml.positionOf([...unitPath, 'questions', qi]));
            const optionIds = q.type === 'truefalse' ? [] : q.type === 'matching' ? (q.pairs ?? []).map(([o]) => o) : q.options ?? [];
            const options = optionIds.map((o) => ({
              id: o,
              text: text([...qPath, 'options', o], `${qm}.options.${o}`),
              feedback: optional(text([...qPath, 'optionFeedback', o], `${qm}.optionFeedback.${o}`, false)),
            }));
            const targets = q.type === 'matching'
              ? (q.pairs ?? []).map(([, target]) => ({ id: target, text: text([...qPath, 'targets', target], `${qm}.targets.${target}`) }))
              : undefined;
            const correct = q.type === 'ordering' ? optionIds
              : q.type === 'matching' ? (q.pairs ?? []).map(([o, target]) => `${o}=${target}`)
              : typeof q.correct === 'boolean' ? [String(q.correct)] : q.correct ?? [];
            if ((q.type === 'ordering' || q.type === 'matching') && q.correct !== undefined) {
              diagnostics.push({
                severity: 'error', ruleId: 'polycourse:answer-key', ...structureYaml.positionOf([...unitPath, 'questions', qi, 'correct']),
                message: `Question "${q.id}" is ${q.type}: its answer comes from ${q.type === 'ordering' ? 'the order of options' : 'pairs'}, not from correct`,
                fix: q.type === 'ordering' ? 'List options in the correct order and remove correct.' : 'Write pairs: [[option, target], …] and remove correct.',
              });
            }
            return {
              id: q.id, type: q.type, prompt: text([...qPath, 'prompt'], `${qm}.prompt`), options, targets,
              correct,
              feedback: {
                correct: text([...qPath, 'feedback', 'correct'], `${qm}.feedback.correct`),
                incorrect: text([...qPath, 'feedback', 'incorrect'], `${qm}.feedback.incorrect`),
              },
            };
          }),
        };
      case 'challenge':
        return {
          id: u.id, kind: 'challenge', title, points: u.points ?? structure.points.challengeDone ?? 20,
          prompt: text([...tPath, 'prompt'], `${mPath}.prompt`), commitment: text([...tPath, 'commitment'], `${mPath}.commitment`),
        };
    }
  };

  const modules: CourseModule[] = structure.modules.map((m, mi) => {
    positions.set(`modules.${m.id}`, structureYaml.positionOf(['modules', mi]));
    return {
      id: m.id,
      title: text(['modules', m.id, 'title'], `modules.${m.id}.title`),
      summary: text(['modules', m.id, 'summary'], `modules.${m.id}.summary`, false),
      units: m.units.map((u, ui) => readUnit(m.id, u, ['modules', mi, 'units', ui])),
    };
  });

  const q = structure.questionnaire;
  const course: Course = {
    id: structure.id,
    sourceLocale,
    locales,
    theme: structure.theme,
    title: text(['title'], 'title'),
    description: text(['description'], 'description', false),
    points: {
      lessonViewed: structure.points.lessonViewed ?? 10,
      correctAnswer: structure.points.correctAnswer ?? 5,
      challengeDone: structure.points.challengeDone ?? 20,
      replayCountsOnlyIfBetter: structure.points.replayCountsOnlyIfBetter ?? true,
    },
    glossary: structure.glossary.map((g) => ({
      id: g.valueOf(),
      term: text(['glossary', g, 'term'], `glossary.${g}.term`),
      definition: text(['glossary', g, 'definition'], `glossary.${g}.definition`),
    })),
    questionnaire: q && {
      id: q.id,
      scale: q.scale,
      title: text(['questionnaire', 'title'], 'questionnaire.title'),
      intro: text(['questionnaire', 'intro'], 'questionnaire.intro', false),
      scaleLabels: Array.from({ length: q.scale }, (_, i) => text(['questionnaire', 'scale', i], `questionnaire.scale.${i}`)),
      items: q.items.map((item) => ({ id: item, text: text(['questionnaire', 'items', item], `questionnaire.items.${item}`), reversed: q.reversed.includes(item) })),
    },
    modules,
    mediaRoot: courseDir,
    mediaDir: 'media',
    translations: readProvenance(courseDir, locales, diagnostics, display, inputs),
  };
  // A key the course does not use is usually a typo or a lost text (`{ title: Hope, connection }` in a
  // flow map makes "connection" a key): say so, with its position.
  for (const [locale, yaml] of texts) {
    for (const leaf of leaves(yaml.data)) {
      if (readPaths.has(leaf.join('\u0000'))) continue;
      diagnostics.push({
        severity: 'warning', ruleId: 'polycourse:unknown-key', ...yaml.keyPositionOf(leaf),
        message: `locales/${locale}.yaml has "${leaf.join('.')}", which no part of the course uses`,
        fix: 'Check the spelling of the key against course.yaml; quote texts that contain ", " or ": " inside { … }.',
      });
    }
  }
  return result(course);
}

/** `locales/<locale>.sources.json`: which source text each translation was made from (see docs/translating.md). */
export const provenanceFile = (courseDir: string, locale: string) => path.join(courseDir, 'locales', `${locale}.sources.json`);

function readProvenance(courseDir: string, locales: string[], diagnostics: Diagnostic[], display: (f: string) => string, inputs: string[]): Course['translations'] {
  const out: NonNullable<Course['translations']> = {};
  for (const locale of locales) {
    const file = provenanceFile(courseDir, locale);
    if (!fs.existsSync(file)) continue;
    inputs.push(file);
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { texts?: Record<string, { source: string; approved?: boolean }> };
      out[locale] = data.texts ?? {};
    } catch (error) {
      diagnostics.push({
        severity: 'warning', ruleId: 'polycourse:provenance', file: display(file),
        message: `Cannot read translation provenance: ${(error as Error).message}; stale translations cannot be detected for "${locale}"`,
        fix: `Run \`polycourse l10n mark <course> --locale ${locale}\` to write it again.`,
      });
    }
  }
  return out;
}

/** Paths of every scalar (or null) value in parsed YAML. */
function leaves(data: unknown, prefix: YamlPath = []): YamlPath[] {
  if (data === null || typeof data !== 'object') return [prefix];
  const entries = Array.isArray(data) ? data.map((v, i) => [i, v] as const) : Object.entries(data);
  return entries.flatMap(([k, v]) => leaves(v, [...prefix, k]));
}

function optional(text: Localized): Localized | undefined {
  return Object.keys(text).length ? text : undefined;
}

function getIn(data: unknown, yamlPath: YamlPath): unknown {
  let node = data;
  for (const key of yamlPath) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function schemaDiagnostics(error: z.ZodError, yaml: YamlFile): Diagnostic[] {
  return error.issues.map((issue) => ({
    severity: 'error' as const,
    ruleId: 'polycourse:course-schema',
    ...yaml.positionOf(issue.path as YamlPath),
    message: `${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    fix: 'Compare with the course.yaml reference in docs/authoring.md.',
  }));
}
