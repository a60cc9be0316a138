/**
 * The learner runtime's core, on every page: the learner session, progress, points and badges, view
 * recording and offline use. Pages with quizzes, challenges, videos, the questionnaire or the
 * certificate also load interactive.ts, which picks up the services this core leaves on `window`.
 * Pages read and navigate without either.
 * Loaded as a deferred classic script (an IIFE bundle), so it runs after the document is parsed,
 * also on file://.
 */
import './runtime-data.ts';
import { createTranslate } from './translate.ts';
import { isolateFallbacks } from './isolate-fallbacks.ts';
import { createLearnerEvents } from './learner-events.ts';
import { createLearnerSession } from './learner-session.ts';
import { recordView } from '../logic/progress.ts';
import { showProgress } from './show-progress.ts';
import { registerOffline } from './offline.ts';
import { enhanceLanguagePicker } from './enhance-language-picker.ts';
import { startLearnerServices } from './learner-account.ts';
import type { PageServices } from './page-services.ts';

/**
 * Set by the bundler (compiler/targets/bundle-runtime.ts): false for bundles built without
 * learner services, which then carry none of their code. Unset (tests that load this file
 * directly), the services start when the page's data names them.
 */
declare const POLYCOURSE_LEARNER_SERVICES: boolean | undefined;

function start(): void {
  const data = globalThis.__POLYCOURSE__;
  if (!data) return;
  document.documentElement.classList.add('js');
  if (data.fallback) isolateFallbacks(data.fallback);
  const events = createLearnerEvents();
  const services: PageServices = {
    outline: data.outline,
    locale: data.locale,
    moduleTitles: data.moduleTitles,
    events,
    session: createLearnerSession(data.outline, events),
    t: createTranslate(data.locale, data.messages, data.fallback),
  };
  (window as unknown as { polycourse: unknown }).polycourse = {
    subscribe: events.subscribe,
    get progress() {
      return services.session.state;
    },
  };
  (window as unknown as { __polycourseServices: PageServices }).__polycourseServices = services;

  // Written out in the condition (not in a variable) so that the bundler drops the services' code.
  if (
    (typeof POLYCOURSE_LEARNER_SERVICES === 'undefined' || POLYCOURSE_LEARNER_SERVICES) &&
    data.services
  )
    startLearnerServices(services, data.services);
  const body = document.body;
  const unit = body.dataset.unit;
  // Progress is shown first, so that a first view's points are told as earned on this page.
  showProgress(services);
  if (unit) {
    services.session.update((s) => recordView(s, unit));
    events.emit({ type: 'unit-viewed', unit });
  }
  enhanceLanguagePicker();
  if (body.dataset.sw) registerOffline(body.dataset.sw, services.t);
}

try {
  start();
} catch (error) {
  // The page stays fully readable without the runtime; say why the interactive parts are missing.
  console.warn('[polycourse] the interactive parts of this page could not start:', error);
}
