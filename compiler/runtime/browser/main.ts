/**
 * The learner runtime: enhances the pre-rendered pages (which read and navigate without it) with
 * quizzes, challenges, the questionnaire, progress, points, badges, the certificate and offline use.
 * Loaded as a deferred classic script (an IIFE bundle), so it runs after the document is parsed, also on file://.
 */
import './runtime-data.ts';
import { createTranslate } from './translate.ts';
import { createLearnerEvents } from './learner-events.ts';
import { createLearnerSession } from './learner-session.ts';
import { recordView } from '../logic/progress.ts';
import { enhanceQuiz } from './enhance-quiz.ts';
import { enhanceChallenge } from './enhance-challenge.ts';
import { enhanceVideo } from './enhance-video.ts';
import { enhanceQuestionnaire } from './enhance-questionnaire.ts';
import { showQuestionnaireResults } from './show-questionnaire-results.ts';
import { enhanceCertificate } from './enhance-certificate.ts';
import { showProgress } from './show-progress.ts';
import { registerOffline } from './offline.ts';
import type { PageServices } from './page-services.ts';

function start(): void {
  const data = globalThis.__POLYCOURSE__;
  if (!data) return;
  document.documentElement.classList.add('js');
  const events = createLearnerEvents();
  const services: PageServices = {
    outline: data.outline, locale: data.locale, events,
    session: createLearnerSession(data.outline, events),
    t: createTranslate(data.locale, data.messages),
  };
  (window as unknown as { polycourse: unknown }).polycourse = { subscribe: events.subscribe, get progress() { return services.session.state; } };

  const body = document.body;
  const unit = body.dataset.unit;
  if (unit) {
    services.session.update((s) => recordView(s, unit));
    events.emit({ type: 'unit-viewed', unit });
  }
  const quiz = document.querySelector<HTMLFormElement>('form.quiz');
  if (quiz && unit) enhanceQuiz(quiz, unit, services);
  const challenge = document.querySelector<HTMLFormElement>('form.challenge-form');
  if (challenge && unit) enhanceChallenge(challenge, unit, services);
  const video = document.querySelector<HTMLVideoElement>('figure.video video');
  if (video && unit) enhanceVideo(video, unit, services);
  const questionnaire = document.querySelector<HTMLFormElement>('form.questionnaire');
  if (questionnaire) enhanceQuestionnaire(questionnaire, services);
  const results = document.querySelector<HTMLElement>('.questionnaire-results');
  if (results) showQuestionnaireResults(results, services);
  const certificate = document.querySelector<HTMLElement>('.certificate-page');
  if (certificate) enhanceCertificate(certificate, services);
  showProgress(services);
  if (body.dataset.sw) registerOffline(body.dataset.sw, services.t);
}

try {
  start();
} catch (error) {
  // The page stays fully readable without the runtime; say why the interactive parts are missing.
  console.warn('[polycourse] the interactive parts of this page could not start:', error);
}
