import type { CourseOutline } from '../logic/course-outline.ts';
import type { LearnerEvents } from './learner-events.ts';
import type { LearnerSession } from './learner-session.ts';
import type { Translate } from './translate.ts';

/** What every enhancer gets: the outline, the learner session, the event interface, UI strings. */
export interface PageServices {
  outline: CourseOutline;
  session: LearnerSession;
  events: LearnerEvents;
  t: Translate;
  locale: string;
  /** module id → title in the page's locale, for badge names */
  moduleTitles: Record<string, string>;
}
