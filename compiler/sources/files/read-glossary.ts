/** The glossary: term ids in course.yaml, each term and its definition in the locale files. */
import type { Course } from '../../model/course.ts';
import type { CourseContext } from './files-context.ts';
import { readText } from './read-locale-texts.ts';

export function readGlossary(context: CourseContext): Course['glossary'] {
  return context.structure.glossary.map((g) => ({
    id: g.valueOf(),
    term: readText(context, ['glossary', g, 'term'], `glossary.${g}.term`),
    definition: readText(context, ['glossary', g, 'definition'], `glossary.${g}.definition`),
  }));
}
