/**
 * What a theme receives to render one page: everything already resolved for the page's locale and
 * place in the bundle (relative links, texts with fallback marks, processed images). A theme turns
 * a PageView into hast; it never reads the course model, files or catalogs itself.
 */
import type { Root, ElementContent, Element } from 'hast';
import type { LocaleInfo } from '../model/locales.ts';
import type { UnitKind } from '../model/course.ts';

/** The kinds of badge a course offers (runtime/logic/badges.ts earns them). */
export type BadgeKind = 'module' | 'all-quizzes' | 'all-challenges' | 'course';

/** A learner-visible text, marked when it fell back to the source locale. */
export interface ShownText {
  value: string;
  /** Set when the text is in another locale than the page (a fallback). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

export interface NavUnit {
  id: string;
  /** `module/unit`, how the runtime names a unit */
  key: string;
  kind: UnitKind;
  title: ShownText;
  href: string;
  current: boolean;
}

export interface NavModule {
  id: string;
  key?: undefined;
  title: ShownText;
  href: string;
  current: boolean;
  /** Units are listed for the current module only, to keep every page small. */
  units: NavUnit[];
}

export interface PageLink {
  href: string;
  title: ShownText;
}

export interface QuestionView {
  id: string;
  type: 'single' | 'multiple' | 'truefalse' | 'ordering' | 'matching';
  prompt: ShownText;
  /** in presentation order (ordering questions: shuffled, never the answer) */
  options: { id: string; text: ShownText; correct: boolean; feedback?: ShownText }[];
  /** matching: what the options are matched with, shuffled */
  targets?: { id: string; text: ShownText }[];
  /**
   * the answer as the runtime compares it: option ids, the ids in order, or `option=target` pairs
   */
  answerKey: string[];
  /** the correct answer for people, for the no-JavaScript "Show the answer" */
  correctAnswers: ShownText[];
  feedback: { correct: ShownText; incorrect: ShownText };
}

export type PageContent =
  | {
      kind: 'home';
      description: ShownText;
      /** the course map: each module with its units, in reading order */
      modules: (PageLink & {
        id: string;
        summary: ShownText;
        units: (PageLink & { kind: UnitKind; key: string })[];
      })[];
      questionnaire?: { pre: string; post: string; results: string };
      glossary?: string;
      certificate: string;
      badges: string;
      /** The learner services are on: a place for the account and the leaderboard. */
      learnerAccount?: boolean;
    }
  | {
      kind: 'module';
      id: string;
      summary: ShownText;
      units: (PageLink & { kind: UnitKind; key: string })[];
      /** The learner services are on: a place for the module's discussion; `home` for signing in */
      forum?: { home: string };
    }
  | {
      kind: 'lesson' | 'infosheet';
      body: Root;
      bodyFallback?: ShownText;
      /** points the first view earns (the course's `points.lessonViewed`) */
      points: number;
    }
  | {
      kind: 'video';
      /** resolved URL of the video file */
      src: string;
      type: string;
      poster?: string;
      tracks: { src: string; srclang: string; label: string; isDefault: boolean }[];
      transcript: ShownText;
      /** points the first view earns (the course's `points.lessonViewed`) */
      points: number;
    }
  | {
      kind: 'quiz';
      intro: ShownText;
      passMark: number;
      questions: QuestionView[];
      /** points per correct answer of the best attempt (the course's `points.correctAnswer`) */
      pointsPerAnswer: number;
    }
  | { kind: 'challenge'; prompt: ShownText; commitment: ShownText; points: number }
  | {
      kind: 'questionnaire-results';
      /** `reversed`: worded the other way round, so the learner's answers show flipped */
      items: { id: string; text: ShownText; reversed: boolean }[];
      /** the answer scale's highest point (its lowest is 1) */
      scale: number;
    }
  | { kind: 'certificate'; courseTitle: ShownText }
  | {
      kind: 'badges';
      /** every badge the course offers, in the runtime's order (runtime/logic/badges.ts) */
      badges: { id: string; kind: BadgeKind; module?: ShownText; number?: number }[];
    }
  | { kind: 'glossary'; terms: { id: string; term: ShownText; definition: ShownText }[] }
  | {
      kind: 'questionnaire';
      phase: 'pre' | 'post';
      intro: ShownText;
      scale: ShownText[];
      items: { id: string; text: ShownText }[];
      /**
       * The learner services are on and the course asks for consent: the learner may agree to share
       * their answers for the evaluation (the runtime shows it).
       */
      consent?: { version: string; text: ShownText };
    }
  | { kind: 'not-found'; home: string };

export interface PageView {
  locale: LocaleInfo;
  /** Path from this page to its locale's root, e.g. "../../" (empty at the root). */
  toRoot: string;
  title: ShownText;
  courseTitle: ShownText;
  homeHref: string;
  /** the badges page, linked from the learner's status in the header */
  badgesHref: string;
  stylesheet: string;
  /**
   * The same page in every locale of the build, for the language picker and hreflang; `absolute`
   * when the build knows where it is served (BuildOptions.baseUrl), the directory's address for an
   * index.html.
   */
  alternates: { locale: LocaleInfo; href: string; absolute?: string; current: boolean }[];
  /** The course's description, for the page's meta description. */
  description: ShownText;
  nav: NavModule[];
  breadcrumbs: PageLink[];
  previous?: PageLink;
  next?: PageLink;
  /**
   * The learner runtime (a module script) and the locale's service worker, relative to the page.
   */
  runtime?: string;
  /** loaded after the runtime on pages with interactive parts */
  interactiveRuntime?: string;
  serviceWorker?: string;
  /** A preview of unpublished drafts (the theme shows a banner; the runtime keeps no progress). */
  preview?: boolean;
  /** `module/unit` on unit pages: what the runtime records progress against. */
  unitKey?: string;
  /** True when any text on the page fell back to the source locale: the theme shows a note. */
  hasFallback: boolean;
  sourceLocale: LocaleInfo;
  content: PageContent;
  /** UI string from the theme's catalogs. */
  t(id: string, values?: Record<string, unknown>): string;
}

/** A theme: renders a page view to a whole HTML document tree. */
export interface ThemeTemplates {
  renderPage(view: PageView): Root;
}

export type { ElementContent, Element };
