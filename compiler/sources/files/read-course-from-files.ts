/**
 * The files source: `courses/<id>/` (course.yaml, locales/*.yaml, modules/**\/*.mdx, media/) →
 * course model. Layout documented in docs/authoring.md. Problems come back as positioned
 * diagnostics, never thrown. Each part of a course is read by its own step, in this order
 * (diagnostics keep it).
 */
import type { Course } from '../../model/course.ts';
import type { SourceResult } from '../source.ts';
import { sourceResult, startReading } from './files-context.ts';
import { readGlossary } from './read-glossary.ts';
import { readLocaleTexts, readText } from './read-locale-texts.ts';
import { readProvenance } from './read-provenance.ts';
import { readQuestionnaire } from './read-questionnaire.ts';
import { readStructure, refuseEscapingLinks } from './read-structure.ts';
import { readModules } from './read-units.ts';
import { reportUnknownKeys } from './report-unknown-keys.ts';

export { provenanceFile } from './read-provenance.ts';

/** Read a course folder into the model. */
export function readCourseFromFiles(courseDir: string): SourceResult {
  const files = startReading(courseDir);
  if (refuseEscapingLinks(files)) return sourceResult(files);
  const structure = readStructure(files);
  if (!structure) return sourceResult(files);
  const context = readLocaleTexts(files, structure);
  if (!context) return sourceResult(files);

  const { structure: course, sourceLocale, locales } = context;
  const modules = readModules(context);
  const model: Course = {
    id: course.id,
    sourceLocale,
    locales,
    theme: course.theme,
    title: readText(context, ['title'], 'title'),
    description: readText(context, ['description'], 'description', false),
    points: {
      lessonViewed: course.points.lessonViewed ?? 10,
      correctAnswer: course.points.correctAnswer ?? 5,
      challengeDone: course.points.challengeDone ?? 20,
      replayCountsOnlyIfBetter: course.points.replayCountsOnlyIfBetter ?? true,
    },
    glossary: readGlossary(context),
    questionnaire: readQuestionnaire(context),
    modules,
    mediaRoot: courseDir,
    mediaDir: 'media',
    translations: readProvenance(context),
  };
  reportUnknownKeys(context);
  return sourceResult(files, model);
}
