/**
 * What the build embeds in each locale's runtime: the course outline, the locale, compiled UI
 * messages, the module titles.
 */
import type { CourseOutline } from '../logic/course-outline.ts';

export interface RuntimeData {
  outline: CourseOutline;
  locale: string;
  /** Lingui-compiled messages for the `runtime.*` UI strings of this locale */
  messages: Record<string, unknown>;
  /**
   * When the locale's catalog lacks some of them: those ids, shown in the source locale and marked
   * as its language in the page (runtime/browser/isolate-fallbacks.ts).
   */
  fallback?: RuntimeFallback;
  /** module id → its title in this locale (or the source locale's), for badge names */
  moduleTitles: Record<string, string>;
  /** The learner services' address (BuildOptions.learnerServices), when the course uses them. */
  services?: string;
}

export interface RuntimeFallback {
  /** The source locale's code and direction */
  lang: string;
  dir: 'ltr' | 'rtl';
  ids: string[];
}

declare global {
  // eslint-disable-next-line no-var
  var __POLYCOURSE__: RuntimeData | undefined;
}
