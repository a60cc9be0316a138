/**
 * The pages of one locale's bundle and where each one lives (paths relative to the locale folder).
 */
import type { Course, CourseModule, Unit } from './course.ts';

export type PageSpec =
  | { kind: 'home'; path: string }
  | { kind: 'glossary'; path: string }
  | { kind: 'questionnaire'; path: string; phase: 'pre' | 'post' }
  | { kind: 'questionnaire-results'; path: string }
  | { kind: 'certificate'; path: string }
  | { kind: 'badges'; path: string }
  | { kind: 'module'; path: string; module: CourseModule }
  | { kind: 'unit'; path: string; module: CourseModule; unit: Unit }
  | { kind: 'not-found'; path: string };

export const pagePaths = {
  home: 'index.html',
  glossary: 'glossary/index.html',
  questionnaire: (phase: 'pre' | 'post') => `questionnaire/${phase}/index.html`,
  questionnaireResults: 'questionnaire/results/index.html',
  certificate: 'certificate/index.html',
  badges: 'badges/index.html',
  module: (moduleId: string) => `${moduleId}/index.html`,
  unit: (moduleId: string, unitId: string) => `${moduleId}/${unitId}/index.html`,
  notFound: '404.html',
};

/** Every page of a locale bundle, in reading order. */
export function planPages(course: Course): PageSpec[] {
  const pages: PageSpec[] = [{ kind: 'home', path: pagePaths.home }];
  if (course.questionnaire)
    pages.push({ kind: 'questionnaire', phase: 'pre', path: pagePaths.questionnaire('pre') });
  for (const module of course.modules) {
    pages.push({ kind: 'module', path: pagePaths.module(module.id), module });
    for (const unit of module.units)
      pages.push({ kind: 'unit', path: pagePaths.unit(module.id, unit.id), module, unit });
  }
  if (course.questionnaire) {
    pages.push({ kind: 'questionnaire', phase: 'post', path: pagePaths.questionnaire('post') });
    pages.push({ kind: 'questionnaire-results', path: pagePaths.questionnaireResults });
  }
  pages.push({ kind: 'certificate', path: pagePaths.certificate });
  pages.push({ kind: 'badges', path: pagePaths.badges });
  if (course.glossary.length) pages.push({ kind: 'glossary', path: pagePaths.glossary });
  pages.push({ kind: 'not-found', path: pagePaths.notFound });
  return pages;
}

/** "../" for each folder between `pagePath` and the locale root. */
export function relativeRoot(pagePath: string): string {
  return '../'.repeat(pagePath.split('/').length - 1);
}
