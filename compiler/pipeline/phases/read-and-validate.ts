/**
 * Phase: read the course from its source (or take the one a caller read, e.g. the CMS), add the
 * pseudo-locale when asked, and check the model. Stops when there is no course to go on.
 */
import { validateCourse } from '../../model/validate-course.ts';
import { withPseudoLocale } from '../../translation/pseudo-locale.ts';
import { readCourse } from '../../sources/read-course.ts';
import type { BuildState, PhaseOutcome } from '../build-state.ts';

export function readAndValidate(state: BuildState): PhaseOutcome {
  const { options, diagnostics } = state;
  const source = options.source ?? readCourse(options.courseDir);
  diagnostics.push(...source.diagnostics);
  const course = source.course && options.pseudo ? withPseudoLocale(source.course) : source.course;
  if (!course) return 'stop';
  for (const d of validateCourse(course)) {
    diagnostics.push(d.path ? { ...d, ...source.locate(d.path) } : d);
  }
  state.source = source;
  state.course = course;
}
