/** Check one body on its own (no course around it): syntax, unsafe constructs and component use. */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Course } from '../model/course.ts';
import { renderBody } from './render-body.ts';

const noCourse: Course = {
  id: 'check', sourceLocale: 'en', locales: ['en'], theme: 'default', title: {}, description: {},
  points: { lessonViewed: 0, correctAnswer: 0, challengeDone: 0, replayCountsOnlyIfBetter: true },
  glossary: [], modules: [], mediaDir: 'media',
};

export async function checkBody(text: string, file: string): Promise<Diagnostic[]> {
  const { diagnostics } = await renderBody({ text, file }, {
    course: noCourse, locale: 'en', t: (id) => id, text: (v) => Object.values(v)[0] ?? '',
    findUnit: () => undefined, resolveMedia: () => undefined, checkReferences: false,
    unitHref: () => undefined, glossaryHref: () => '', image: () => undefined, toRoot: '',
  });
  return diagnostics.filter((d) => d.severity === 'error');
}
