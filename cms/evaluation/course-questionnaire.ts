/**
 * A course's questionnaire as the compiler models it (items, scale, reversed items, texts), read
 * from the course's published document, and the check every stored response passes: answers to
 * the questionnaire's items only, whole numbers on its scale.
 */
import type { Payload } from 'payload';
import type { Course } from '../../compiler/model/course.ts';
import { mapQuestionnaire } from '../../compiler/sources/cms/map-course.ts';
import type { CmsCourseDocument } from '../../compiler/sources/cms/cms-reader.ts';

export interface EvaluatedCourse {
  id: string;
  sourceLocale: string;
  locales: string[];
  theme: string;
  questionnaire?: NonNullable<Course['questionnaire']>;
}

/** The course with this `courseId`, as published (its latest draft when never published). */
export async function courseQuestionnaire(
  payload: Payload,
  courseId: string,
): Promise<EvaluatedCourse | undefined> {
  const find = (draft: boolean) =>
    payload.find({
      collection: 'courses',
      where: { courseId: { equals: courseId } },
      locale: 'all',
      depth: 0,
      limit: 1,
      draft,
      overrideAccess: true,
    });
  const doc = ((await find(false)).docs[0] ?? (await find(true)).docs[0]) as unknown as
    CmsCourseDocument | undefined;
  if (!doc) return undefined;
  return {
    id: doc.courseId,
    sourceLocale: doc.sourceLocale,
    locales: doc.languages,
    theme: doc.theme ?? 'default',
    questionnaire: mapQuestionnaire(doc.questionnaire),
  };
}

/** What is wrong with a response's answers (empty when nothing). */
export function checkAnswers(
  answers: unknown,
  course: EvaluatedCourse | undefined,
  courseId: string,
): string[] {
  if (!course)
    return [`There is no course "${courseId}": give the courseId of an existing course.`];
  const q = course.questionnaire;
  if (!q)
    return [
      `Course "${courseId}" has no questionnaire: define its items and scale before storing ` +
        'responses.',
    ];
  if (!answers || typeof answers !== 'object' || Array.isArray(answers))
    return ['Answers are an object of item id → answer, e.g. {"a01": 4}.'];
  const items = new Set(q.items.map((i) => i.id));
  const problems: string[] = [];
  for (const [item, value] of Object.entries(answers)) {
    if (!items.has(item))
      problems.push(
        `"${item}" is not an item of questionnaire "${q.id}" (items: ${[...items].join(', ')}).`,
      );
    else if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > q.scale)
      problems.push(
        `Item ${item}: ${JSON.stringify(value)} is not an answer on the scale 1–${q.scale}.`,
      );
  }
  return problems.slice(0, 20);
}
