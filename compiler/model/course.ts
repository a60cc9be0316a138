/**
 * The course model: the one contract between sources (files, CMS), stages and targets.
 * Every text a learner sees is a `Localized` map; stages never read YAML or CMS documents.
 */
import { z } from 'zod';
import { slugPattern } from './slug-ids.ts';

const id = z.string().regex(slugPattern, 'ids use lowercase letters, digits and single dashes');

/** locale → text. The source locale's entry is required; others fall back to it. */
export const localized = z.record(z.string(), z.string());
export type Localized = z.infer<typeof localized>;

/** A body document per locale: MDX text plus the file it came from (for positions). */
export const localizedDocument = z.record(
  z.string(),
  z.object({
    text: z.string(),
    /** where it came from, for messages */
    file: z.string(),
    /**
     * folder of the document relative to the course's mediaRoot, for relative image paths (posix)
     */
    baseDir: z.string().optional(),
  }),
);
export type LocalizedDocument = z.infer<typeof localizedDocument>;

export const pointsRules = z.object({
  lessonViewed: z.number().int().min(0).default(10),
  correctAnswer: z.number().int().min(0).default(5),
  challengeDone: z.number().int().min(0).default(20),
  replayCountsOnlyIfBetter: z.boolean().default(true),
});
export type PointsRules = z.infer<typeof pointsRules>;

const unitBase = { id, title: localized };

export const lessonUnit = z.object({
  ...unitBase,
  kind: z.literal('lesson'),
  body: localizedDocument,
});
export const infoSheetUnit = z.object({
  ...unitBase,
  kind: z.literal('infosheet'),
  body: localizedDocument,
});

/**
 * A media file of the course: `path` as written in the course (e.g. media/x.png), `file` absolute
 * on disk.
 */
export const mediaRef = z.object({
  path: z.string(),
  file: z.string().optional(),
  url: z.string().url().optional(),
});
export type MediaRef = z.infer<typeof mediaRef>;

export const videoUnit = z.object({
  ...unitBase,
  kind: z.literal('video'),
  src: mediaRef,
  poster: mediaRef.optional(),
  /** locale → WebVTT caption file */
  captions: z.record(z.string(), mediaRef),
  transcript: localized,
});

export const questionOption = z.object({ id, text: localized, feedback: localized.optional() });
export const questionTypes = ['single', 'multiple', 'truefalse', 'ordering', 'matching'] as const;
export const question = z.object({
  id,
  type: z.enum(questionTypes),
  prompt: localized,
  options: z.array(questionOption),
  /** matching: the right-hand side that each option is matched with */
  targets: z.array(questionOption).optional(),
  /**
   * single/multiple: the correct option ids; truefalse: `true` or `false`;
   * ordering: every option id in the correct order; matching: `option=target` for each pair
   */
  correct: z.array(z.string()).min(1),
  feedback: z.object({ correct: localized, incorrect: localized }),
});
export type Question = z.infer<typeof question>;

export const quizUnit = z.object({
  ...unitBase,
  kind: z.literal('quiz'),
  intro: localized,
  passMark: z.number().min(0).max(100),
  questions: z.array(question).min(1),
});

export const challengeUnit = z.object({
  ...unitBase,
  kind: z.literal('challenge'),
  points: z.number().int().min(0),
  prompt: localized,
  commitment: localized,
});

export const unit = z.discriminatedUnion('kind', [
  lessonUnit,
  infoSheetUnit,
  videoUnit,
  quizUnit,
  challengeUnit,
]);
export type Unit = z.infer<typeof unit>;
export type UnitKind = Unit['kind'];
export type LessonUnit = z.infer<typeof lessonUnit>;
export type InfoSheetUnit = z.infer<typeof infoSheetUnit>;
export type VideoUnit = z.infer<typeof videoUnit>;
export type QuizUnit = z.infer<typeof quizUnit>;
export type ChallengeUnit = z.infer<typeof challengeUnit>;

export const courseModule = z.object({
  id,
  title: localized,
  summary: localized,
  units: z.array(unit).min(1),
});
export type CourseModule = z.infer<typeof courseModule>;

export const glossaryTerm = z.object({ id, term: localized, definition: localized });
export type GlossaryTerm = z.infer<typeof glossaryTerm>;

/** The name of one version of a consent text: what a stored answer says it was given under. */
export const consentVersion = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'letters, digits, ".", "_" and "-", at most 100');

export const questionnaire = z.object({
  id,
  scale: z.number().int().min(2).max(11),
  title: localized,
  intro: localized,
  /** one localized label per scale point, lowest first */
  scaleLabels: z.array(localized),
  items: z.array(z.object({ id, text: localized, reversed: z.boolean() })).min(1),
  /**
   * What a learner agrees to before their answers leave the device for the course's evaluation
   * (learner services only): the text, and the version that names it. A new text needs a new
   * version; each stored answer records the version agreed to.
   */
  consent: z.object({ version: consentVersion, text: localized }).optional(),
});
export type Questionnaire = z.infer<typeof questionnaire>;

export const course = z.object({
  id,
  sourceLocale: z.string(),
  locales: z.array(z.string()).min(1),
  theme: z.string().default('default'),
  title: localized,
  description: localized,
  points: pointsRules,
  glossary: z.array(glossaryTerm),
  questionnaire: questionnaire.optional(),
  modules: z.array(courseModule).min(1),
  /** Folder that relative media paths resolve against (files source: the course folder). */
  mediaRoot: z.string().optional(),
  /** Folder under mediaRoot that holds the course's images and media (files source: `media`). */
  mediaDir: z.string().default('media'),
  /**
   * Provenance of translations: locale → model path → the hash of the source text the translation
   * was made from (stale when the source changed since), and whether a reviewer approved it.
   */
  translations: z
    .record(
      z.string(),
      z.record(
        z.string(),
        z.object({
          source: z.string(),
          /** the source text itself, so a reviewer can see what changed (PO `#| msgid`) */
          sourceText: z.string().optional(),
          approved: z.boolean().optional(),
          /** the translator's tool said it needs review (XLIFF needs-review-…, PO fuzzy) */
          review: z.boolean().optional(),
          /** a machine translation draft nobody reviewed yet (`l10n machine`): never approved */
          machine: z.boolean().optional(),
          /**
           * For bodies: one record per segment of `sourceText`, in order (the hash of the
           * segment's text), so one changed sentence leaves the others' status alone.
           */
          segments: z
            .array(
              z.object({
                source: z.string(),
                approved: z.boolean().optional(),
                review: z.boolean().optional(),
                machine: z.boolean().optional(),
              }),
            )
            .optional(),
        }),
      ),
    )
    .optional(),
});
export type Course = z.infer<typeof course>;

/**
 * Find a unit by reference: `module-id/unit-id`, or a bare `unit-id` looked up in `fromModule`
 * first, then in the whole course when only one module has it.
 */
export function findUnit(
  course: Course,
  ref: string,
  fromModule?: string,
): { module: CourseModule; unit: Unit } | undefined {
  const [moduleId, unitId] = ref.includes('/') ? ref.split('/', 2) : [fromModule, ref];
  const inModule = (m: CourseModule) => m.units.find((u) => u.id === unitId);
  if (moduleId) {
    const module = course.modules.find((m) => m.id === moduleId);
    const unit = module && inModule(module);
    if (unit) return { module: module!, unit };
    if (ref.includes('/')) return undefined;
  }
  const matches = course.modules.flatMap((module) => {
    const unit = inModule(module);
    return unit ? [{ module, unit }] : [];
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** The text for `locale`, else the source locale's, and whether it fell back. */
export function pickText(
  text: Localized,
  locale: string,
  sourceLocale: string,
): { value: string; lang: string; fallback: boolean } {
  const own = text[locale];
  if (own !== undefined && own.trim() !== '') return { value: own, lang: locale, fallback: false };
  return { value: text[sourceLocale] ?? '', lang: sourceLocale, fallback: locale !== sourceLocale };
}
