/** Shape of `course.yaml` (structure only; texts live in locales/<locale>.yaml). */
import { z } from 'zod';
import { consentVersion } from '../../model/course.ts';
import { slugPattern } from '../../model/slug-ids.ts';

const id = z.string().regex(slugPattern, 'use lowercase letters, digits and single dashes');

const questionFile = z.strictObject({
  id,
  /** ordering: `options` listed in the correct order; matching: `pairs` of [option, target] */
  type: z.enum(['single', 'multiple', 'truefalse', 'ordering', 'matching']),
  options: z.array(id).optional(),
  pairs: z.array(z.tuple([id, id])).optional(),
  correct: z.union([z.array(id).min(1), z.boolean()]).optional(),
});

const unitFile = z.discriminatedUnion('kind', [
  z.strictObject({ id, kind: z.literal('lesson') }),
  z.strictObject({ id, kind: z.literal('infosheet') }),
  z.strictObject({
    id,
    kind: z.literal('video'),
    src: z.string().min(1),
    poster: z.string().min(1).optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('quiz'),
    passMark: z.number().min(0).max(100).default(60),
    questions: z.array(questionFile).min(1),
  }),
  z.strictObject({ id, kind: z.literal('challenge'), points: z.number().int().min(0).optional() }),
]);

export const courseFileSchema = z.strictObject({
  id,
  sourceLocale: z.string(),
  locales: z.array(z.string()).min(1),
  theme: z.string().default('default'),
  points: z
    .strictObject({
      lessonViewed: z.number().int().min(0).optional(),
      correctAnswer: z.number().int().min(0).optional(),
      challengeDone: z.number().int().min(0).optional(),
      replayCountsOnlyIfBetter: z.boolean().optional(),
    })
    .default({}),
  glossary: z.array(id).default([]),
  questionnaire: z
    .strictObject({
      id,
      scale: z.number().int().min(2).max(11),
      items: z.array(id).min(1),
      reversed: z.array(id).default([]),
      /** the version of the consent text (its text is in the locale files) */
      consent: consentVersion.optional(),
    })
    .optional(),
  modules: z.array(z.strictObject({ id, units: z.array(unitFile).min(1) })).min(1),
});
export type CourseFile = z.infer<typeof courseFileSchema>;
export type UnitFile = CourseFile['modules'][number]['units'][number];
