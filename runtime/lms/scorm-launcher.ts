/**
 * The launch page of a SCORM package (`scorm.html` at the package root). It holds the one LMS
 * session of the attempt and shows the course's pages in a frame below it, so that moving between
 * pages never ends the session. On launch it puts the learner's progress from `suspend_data` into
 * the bundle's progress store (the LMS, not this browser, knows whose attempt this is), opens the
 * page the learner left (`lesson_location` / `location`) or the home page of their language; then
 * reports every change the pages store: status, score, progress, location, suspend_data. Leaving
 * the page sets the session time and exit and ends the session.
 */
import type { CourseOutline } from '../logic/course-outline.ts';
import { emptyProgress } from '../logic/progress.ts';
import { loadProgress, saveProgress, storageKey } from '../logic/progress-store.ts';
import { decodeSuspendData, encodeSuspendData } from '../logic/suspend-data.ts';
import {
  elements,
  findApi,
  limits,
  lmsSession,
  sessionTime,
  type LmsSession,
  type ScormVersion,
} from './lms-api.ts';
import { lmsReport } from './lms-report.ts';
import { framePage, preferredLocale, resumablePage } from './launch-frame.ts';

/** What the package target writes into scorm.html (`<script id="polycourse-lms">`). */
export interface LaunchConfig {
  version: ScormVersion;
  courseId: string;
  /** Locales in the package, the first is the default. */
  locales: string[];
  outline: CourseOutline;
}

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

function start(config: LaunchConfig): void {
  const frame = document.getElementById('course') as HTMLIFrameElement;
  const notice = document.getElementById('notice') as HTMLElement;
  const api = findApi(window, config.version);
  if (!api) {
    // Opened outside an LMS: the course works, nothing is reported.
    notice.hidden = false;
    frame.src = `${config.locales[0]}/index.html`;
    return;
  }
  const lms = lmsSession(api, config.version);
  if (!lms.initialize()) {
    notice.hidden = false;
    notice.textContent = `The LMS refused to start the session (${lms.lastError()}).`;
  }
  const names = elements[config.version];
  const reviewing = /^(browse|review)$/.test(lms.get(names.mode));
  const suspended = lms.get(names.suspendData);
  const { state, warnings } = suspended
    ? decodeSuspendData(config.outline, suspended)
    : { state: emptyProgress(), warnings: [] };
  for (const warning of warnings) console.warn('[polycourse] suspend_data:', warning);
  saveProgress(storage, config.courseId, state);
  const locale = preferredLocale(config.locales, [lms.get(names.language)]);
  const resumeAt =
    lms.get(names.entry) === 'resume' ? resumablePage(lms.get(names.location), config.locales) : '';
  frame.src = resumeAt || `${locale}/index.html`;

  const began = Date.now();
  let lastSuspend = suspended;
  let complete = false;
  const report = () => {
    const current = loadProgress(storage, config.courseId).state;
    const result = lmsReport(config.outline, current);
    complete = result.complete;
    if (!reviewing) reportStatus(lms, result);
    const encoded = encodeSuspendData(config.outline, current, limits[config.version].suspendData);
    if (encoded !== lastSuspend && encoded.length <= limits[config.version].suspendData) {
      lms.set(names.suspendData, encoded);
      lastSuspend = encoded;
    }
    lms.commit();
  };
  frame.addEventListener('load', () => {
    const page = framePage(frame, window.location.href);
    if (page && page.length <= limits[config.version].location) lms.set(names.location, page);
    report();
  });
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey(config.courseId)) report();
  });
  let finished = false;
  window.addEventListener('pagehide', () => {
    if (finished) return;
    finished = true;
    report();
    lms.set(names.sessionTime, sessionTime(Date.now() - began, config.version));
    lms.set(names.exit, complete ? (config.version === '1.2' ? '' : 'normal') : 'suspend');
    lms.commit();
    lms.finish();
  });
}

function reportStatus(lms: LmsSession, r: ReturnType<typeof lmsReport>): void {
  if (lms.version === '1.2') {
    const status = !r.complete ? 'incomplete' : r.quizzesPassed ? 'passed' : 'completed';
    lms.set('cmi.core.lesson_status', status);
    if (r.score !== undefined) {
      lms.set('cmi.core.score.min', '0');
      lms.set('cmi.core.score.max', '100');
      lms.set('cmi.core.score.raw', String(r.score));
    }
    return;
  }
  lms.set('cmi.completion_status', r.complete ? 'completed' : 'incomplete');
  lms.set('cmi.progress_measure', String(r.progress));
  if (r.quizzesPassed !== undefined)
    lms.set('cmi.success_status', r.quizzesPassed ? 'passed' : r.failing ? 'failed' : 'unknown');
  if (r.score !== undefined) {
    lms.set('cmi.score.min', '0');
    lms.set('cmi.score.max', '100');
    lms.set('cmi.score.raw', String(r.score));
    lms.set('cmi.score.scaled', String(r.score / 100));
  }
}

const configElement = document.getElementById('polycourse-lms');
if (configElement?.textContent) start(JSON.parse(configElement.textContent) as LaunchConfig);
