/**
 * What the CMS source reads, and through what: the `CmsReader` interface and the documents it
 * returns, described by the fields the source uses. The CMS's adapters (Payload's Local API, its
 * REST API) live in cms/ and return their generated document types, which fit these.
 */
import type { Course, Question } from '../../model/course.ts';

/** A localized field read in every locale at once: locale code → value (absent or null: none). */
export type CmsText = { readonly [locale: string]: string | null | undefined } | null | undefined;

/** A relationship's value: the related document when the read populated it, else its id. */
export type CmsRef<T> = string | number | T;

export interface CmsQuestionDocument {
  /** Ids are filled on save by the CMS; one still missing fails the model's id check. */
  questionId?: string | null;
  type: Question['type'];
  prompt?: CmsText;
  options?: { optionId?: string | null; text?: CmsText; feedback?: CmsText }[] | null;
  targets?: { targetId?: string | null; text?: CmsText }[] | null;
  /**
   * A JSON field: the answer key as stored, derived by the CMS from its quiz editor's fields
   * (option ids; validateCourse checks it).
   */
  correct?: unknown;
  correctFeedback?: CmsText;
  incorrectFeedback?: CmsText;
}

export interface CmsUnitDocument {
  unitId: string;
  kind: 'lesson' | 'video' | 'infosheet' | 'quiz' | 'challenge';
  title?: CmsText;
  body?: CmsText;
  src?: string | null;
  poster?: string | null;
  captions?: { locale: string; vtt: string }[] | null;
  transcript?: CmsText;
  passMark?: number | null;
  intro?: CmsText;
  questions?: CmsQuestionDocument[] | null;
  prompt?: CmsText;
  commitment?: CmsText;
  points?: number | null;
}

export interface CmsModuleDocument {
  moduleId: string;
  title?: CmsText;
  summary?: CmsText;
  units?: readonly CmsRef<CmsUnitDocument>[] | null;
}

/** A course document read in every locale, its modules and their units populated (depth 2). */
export interface CmsCourseDocument {
  courseId: string;
  sourceLocale: string;
  languages: string[];
  theme?: string | null;
  title?: CmsText;
  description?: CmsText;
  points?: {
    lessonViewed?: number | null;
    correctAnswer?: number | null;
    challengeDone?: number | null;
    replayCountsOnlyIfBetter?: boolean | null;
  };
  glossary?: { termId: string; term?: CmsText; definition?: CmsText }[] | null;
  questionnaire?: {
    questionnaireId?: string | null;
    scale?: number | null;
    title?: CmsText;
    intro?: CmsText;
    scaleLabels?: { label?: CmsText }[] | null;
    items?: { itemId: string; text?: CmsText; reversed?: boolean | null }[] | null;
    consentVersion?: string | null;
    consent?: CmsText;
  };
  modules?: readonly CmsRef<CmsModuleDocument>[] | null;
}

/** An uploaded media file: where the course refers to it (`media/…`) and how to fetch it. */
export interface CmsMediaDocument {
  id: string | number;
  coursePath?: string | null;
  filename?: string | null;
  url?: string | null;
}

/**
 * Where the CMS source reads documents from: the same queries, in-process or over HTTP. An adapter
 * may name its own (richer) document types; they must fit the ones above.
 */
export interface CmsReader<
  CourseDocument extends CmsCourseDocument = CmsCourseDocument,
  MediaDocument extends CmsMediaDocument = CmsMediaDocument,
> {
  /** Where diagnostics say the course came from, e.g. `cms:` or `https://cms.example.org/`. */
  origin: string;
  /**
   * The course document in every locale at once (locale `all`), modules and units populated
   * (depth 2): the published versions, or with `draft` the latest saved ones (for a preview).
   */
  findCourse(courseId: string, options?: { draft?: boolean }): Promise<CourseDocument | undefined>;
  /** Every media document (with `coursePath` and `filename`). */
  listMedia(): Promise<MediaDocument[]>;
  /** Put the uploaded file of a media document at `target` (a link or a copy). */
  fetchMedia(media: MediaDocument, target: string): Promise<void>;
  /** What each translation was made from: locale → model path → record (empty if unreadable). */
  readProvenance(courseId: string): Promise<NonNullable<Course['translations']>>;
}

export interface ReadOptions {
  /** the latest saved drafts instead of the published versions */
  draft?: boolean;
  /** lay media and captions out under the cache folder (default); without, the model's texts only
   * (status reports) */
  media?: boolean;
}
