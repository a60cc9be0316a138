/** A course document (every locale, modules and units populated) → the course model. */
import type { Course } from '../../model/course.ts';
import { localized, populated, type CmsContext } from './cms-context.ts';
import type { CmsCourseDocument } from './cms-reader.ts';
import { mapUnit } from './map-units.ts';

export function mapCourse(context: CmsContext, doc: CmsCourseDocument): Course {
  return {
    id: doc.courseId,
    sourceLocale: doc.sourceLocale,
    locales: doc.languages,
    theme: doc.theme ?? 'default',
    title: localized(doc.title),
    description: localized(doc.description),
    points: {
      lessonViewed: doc.points?.lessonViewed ?? 10,
      correctAnswer: doc.points?.correctAnswer ?? 5,
      challengeDone: doc.points?.challengeDone ?? 20,
      replayCountsOnlyIfBetter: doc.points?.replayCountsOnlyIfBetter ?? true,
    },
    glossary: (doc.glossary ?? []).map((g) => ({
      id: g.termId,
      term: localized(g.term),
      definition: localized(g.definition),
    })),
    questionnaire: mapQuestionnaire(doc.questionnaire),
    modules: populated(doc.modules).map((m) => ({
      id: m.moduleId,
      title: localized(m.title),
      summary: localized(m.summary),
      units: populated(m.units).map((u) => mapUnit(context, u, m.moduleId)),
    })),
    mediaRoot: context.root,
    mediaDir: 'media',
  };
}

/** The course's questionnaire from its CMS document (absent when it has no id). */
export function mapQuestionnaire(q: CmsCourseDocument['questionnaire']): Course['questionnaire'] {
  return q?.questionnaireId
    ? {
        // A scale left empty stays empty (null): validateCourse reports it.
        id: q.questionnaireId,
        scale: q.scale as number,
        title: localized(q.title),
        intro: localized(q.intro),
        scaleLabels: (q.scaleLabels ?? []).map((l) => localized(l.label)),
        items: (q.items ?? []).map((i) => ({
          id: i.itemId,
          text: localized(i.text),
          reversed: Boolean(i.reversed),
        })),
        consent: q.consentVersion
          ? { version: q.consentVersion, text: localized(q.consent) }
          : undefined,
      }
    : undefined;
}
