/**
 * Phase: every page of the course (model/plan-pages.ts), and a render job for each in every
 * locale.
 */
import { planPages } from '../../model/plan-pages.ts';
import { need, type BuildState, type PhaseOutcome } from '../build-state.ts';

export function planRenderJobs(state: BuildState): PhaseOutcome {
  const specs = planPages(need(state, 'course'));
  state.specs = specs;
  state.total = specs.length * state.locales.length;
  state.jobs = state.locales.flatMap((locale) =>
    specs.map((_, page) => ({ locale, page, write: false })),
  );
}
