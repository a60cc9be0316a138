/**
 * Phase: the locales to build: those asked for (and the pseudo-locale), else all of the course's;
 * with `approvedOnly`, only those a reviewer approved completely. An unknown locale is an error.
 */
import type { Course } from '../../model/course.ts';
import { pseudoLocale } from '../../translation/pseudo-locale.ts';
import { translationStatus } from '../../translation/translation-status.ts';
import { need, type BuildState, type PhaseOutcome } from '../build-state.ts';

export function chooseLocales(state: BuildState): PhaseOutcome {
  const course = need(state, 'course');
  const { options, diagnostics } = state;
  let locales = options.locales?.length
    ? [...options.locales, ...(options.pseudo ? [pseudoLocale] : [])]
    : course.locales;
  if (options.approvedOnly) locales = keepApproved(state, course, locales);
  for (const l of locales) {
    if (course.locales.includes(l)) continue;
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:unknown-locale',
      path: 'locales',
      message: `--locale ${l}: the course has no locale "${l}"`,
      fix: `Use one of: ${course.locales.join(', ')}, or add "${l}" to locales in course.yaml.`,
    });
  }
  state.locales = locales;
}

/**
 * Per-locale publishing: a locale goes out when every text is approved; the others wait (and say
 * why). The source locale always goes out.
 */
function keepApproved(state: BuildState, course: Course, locales: string[]): string[] {
  const status = translationStatus(course, locales);
  const ready = locales.filter(
    (l) => l === course.sourceLocale || status[l].counts.approved === status[l].total,
  );
  for (const l of locales.filter((x) => !ready.includes(x))) {
    const c = status[l].counts;
    state.diagnostics.push({
      severity: 'warning',
      ruleId: 'polycourse:not-published',
      path: `locales.${l}`,
      message:
        `${l} is not published: ${c.approved} of ${status[l].total} texts approved ` +
        `(${c.missing} missing, ${c.stale} stale, ${c.translated} awaiting review` +
        `${c.machine ? `, ${c.machine} machine translation drafts` : ''})`,
      // Approving a locale leaves its machine drafts as they are: those go through a review file.
      fix:
        `Review it, then: polycourse l10n mark <course> --locale ${l} --approve` +
        (c.machine ? ' (machine drafts: review them in l10n export, then l10n import)' : ''),
    });
  }
  return ready;
}
