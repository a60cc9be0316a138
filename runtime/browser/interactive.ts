/**
 * The interactive part of the runtime, loaded only on pages that need it (quizzes, challenges,
 * videos, the questionnaire and its results, the certificate), after the core (main.ts) has started
 * the session.
 */
import { enhanceQuiz } from './enhance-quiz.ts';
import { enhanceChallenge } from './enhance-challenge.ts';
import { enhanceVideo } from './enhance-video.ts';
import { enhanceQuestionnaire } from './enhance-questionnaire.ts';
import { showQuestionnaireResults } from './show-questionnaire-results.ts';
import { enhanceCertificate } from './enhance-certificate.ts';
import type { PageServices } from './page-services.ts';

function start(services: PageServices): void {
  const unit = document.body.dataset.unit;
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
}

const services = (window as unknown as { __polycourseServices?: PageServices })
  .__polycourseServices;
if (services) {
  try {
    start(services);
  } catch (error) {
    console.warn('[polycourse] the interactive parts of this page could not start:', error);
  }
}
