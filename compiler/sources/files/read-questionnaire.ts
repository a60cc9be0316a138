/**
 * The course's questionnaire (optional): its id, scale, items and reversed items in course.yaml;
 * its title, intro, scale labels and item texts in the locale files. With a consent version in
 * course.yaml, each locale file has the consent text (the source locale must).
 */
import type { Course } from '../../model/course.ts';
import type { CourseContext } from './files-context.ts';
import { readText } from './read-locale-texts.ts';

export function readQuestionnaire(context: CourseContext): Course['questionnaire'] {
  const q = context.structure.questionnaire;
  const text = (key: (string | number)[], required?: boolean) =>
    readText(context, ['questionnaire', ...key], ['questionnaire', ...key].join('.'), required);
  return (
    q && {
      id: q.id,
      scale: q.scale,
      title: text(['title']),
      intro: text(['intro'], false),
      scaleLabels: Array.from({ length: q.scale }, (_, i) => text(['scale', i])),
      items: q.items.map((item) => ({
        id: item,
        text: text(['items', item]),
        reversed: q.reversed.includes(item),
      })),
      consent: q.consent ? { version: q.consent, text: text(['consent']) } : undefined,
    }
  );
}
