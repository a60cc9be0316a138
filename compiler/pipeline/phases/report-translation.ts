/**
 * Phase: what the build's locales lack: UI strings (the theme's catalogs), course texts that fall
 * back to the source locale (the coverage the manifest records), and translations of an older
 * source text.
 */
import { translationCoverage, translationStatus } from '../../translation/translation-status.ts';
import { need, type BuildState, type PhaseOutcome } from '../build-state.ts';

export function reportTranslation(state: BuildState): PhaseOutcome {
  const course = need(state, 'course');
  const { diagnostics, locales } = state;
  // UI strings the theme's catalogs lack or cannot compile (found when prepare-assets loaded them).
  diagnostics.push(...need(state, 'assets').catalogs.diagnostics);
  const coverage = translationCoverage(course, locales);
  for (const [locale, c] of Object.entries(coverage)) {
    if (c.translated >= c.total) continue;
    diagnostics.push({
      severity: 'warning',
      ruleId: 'polycourse:fallback',
      path: `locales.${locale}`,
      message:
        `${locale}: ${c.total - c.translated} of ${c.total} texts are not translated and fall ` +
        `back to ${course.sourceLocale} (e.g. ${c.missing.slice(0, 3).join(', ')})`,
      fix: `Translate them in locales/${locale}.yaml and modules/*/*.${locale}.mdx.`,
    });
  }
  for (const [locale, status] of Object.entries(translationStatus(course, locales))) {
    if (!status.counts.stale) continue;
    const stale = status.fields.filter((f) => f.status === 'stale');
    const examples = stale.slice(0, 3).map((f) => f.path);
    diagnostics.push({
      severity: 'warning',
      ruleId: 'polycourse:stale',
      path: `locales.${locale}`,
      message:
        `${locale}: ${status.counts.stale} translation(s) were made from an older source text ` +
        `(e.g. ${examples.join(', ')})`,
      fix: `Update them, then record it: polycourse l10n mark <course> --locale ${locale}`,
    });
  }
  state.coverage = coverage;
}
