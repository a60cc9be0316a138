/**
 * Typed CMS documents. Each collection's type is generated from the Payload config into
 * payload-types.ts (`npm run cms:types`; committed, and test/cms/payload-types.test.ts fails when
 * it is stale). This file adds what the generator does not describe: relationship values, and
 * documents read in every locale at once.
 */
import type { Course, Module, Unit } from './payload-types.ts';

/** A document id: a number with SQLite and PostgreSQL, a string with MongoDB. */
export type DocId = string | number;

/**
 * A relationship's value: the related document when the read populated it (depth ≥ 1), else its id.
 */
export type Ref<T> = DocId | T;

/** The id a relationship value holds, populated or not. */
export const idOf = (ref: Ref<{ id: DocId }>): DocId =>
  ref && typeof ref === 'object' ? ref.id : ref;

/**
 * The documents of a relationship read at depth ≥ 1, in order. A value Payload could not populate
 * (a document deleted since, or one the reader may not see) is still an id: it reads as a document
 * without fields, as the CMS source always treated it, so that the course's validation names what
 * is missing.
 */
export { populated } from '../compiler/sources/cms/cms-context.ts';

/**
 * A localized field read with `locale: 'all'`: locale code → value (a locale without one is absent
 * or null).
 */
export type LocaleValues<T> = { [locale: string]: T | null | undefined };

/**
 * Which fields are localized: `true`, or the fields inside a group, an array or a related document.
 */
export interface LocalizedFields {
  readonly [field: string]: true | LocalizedFields;
}

/**
 * `T` read with `locale: 'all'`: the fields that `F` names hold their values per locale
 * (`{ en: 'Welcome', fr: 'Bienvenue' }`) where the generated type has one value. Arrays, groups and
 * populated relationships are followed; ids stay ids.
 */
export type AllLocales<T, F extends LocalizedFields> = T extends readonly (infer Row)[]
  ? AllLocales<Row, F>[]
  : T extends object
    ? {
        [K in keyof T]: K extends keyof F
          ? F[K] extends LocalizedFields
            ? AllLocales<T[K], F[K]>
            : LocaleValues<NonNullable<T[K]>> | Extract<T[K], null | undefined>
          : T[K];
      }
    : T;

/**
 * The fields each collection marks `localized: true` (test/cms/payload-types.test.ts checks that
 * they agree).
 */
export const localizedFields = {
  courses: {
    title: true,
    description: true,
    glossary: { term: true, definition: true },
    questionnaire: {
      title: true,
      intro: true,
      scaleLabels: { label: true },
      items: { text: true },
      consent: true,
    },
  },
  modules: { title: true, summary: true },
  units: {
    title: true,
    body: true,
    transcript: true,
    intro: true,
    prompt: true,
    commitment: true,
    questions: {
      prompt: true,
      correctFeedback: true,
      incorrectFeedback: true,
      options: { text: true, feedback: true },
      targets: { text: true },
    },
  },
} as const satisfies Record<'courses' | 'modules' | 'units', LocalizedFields>;

/**
 * What the CMS source reads: a course in every locale with its modules and their units populated
 * (depth 2).
 */
export const courseReadFields = {
  ...localizedFields.courses,
  modules: { ...localizedFields.modules, units: localizedFields.units },
} as const;

export type UnitAllLocales = AllLocales<Unit, typeof localizedFields.units>;
export type ModuleAllLocales = AllLocales<Module, typeof courseReadFields.modules>;
export type CourseAllLocales = AllLocales<Course, typeof courseReadFields>;

/**
 * A document Payload read with `locale: 'all'`. The Local API types a read as one locale whatever
 * its `locale` option, so this is the one place that says what was asked for.
 */
export const readInAllLocales = <T, F extends LocalizedFields>(
  doc: T,
  _fields: F,
): AllLocales<T, F> => doc as unknown as AllLocales<T, F>;
