/**
 * Phase: what the build's locales lack: UI strings (the theme's catalogs), course texts that fall
 * back to the source locale (the coverage the manifest records), translations of an older source
 * text, and machine translation drafts nobody reviewed (published like any text, but said).
 */
import {
  translationCoverage,
  translationStatus,
  type LocaleStatus,
} from '../../translation/translation-status.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
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
    if (status.counts.machine) diagnostics.push(machineDrafts(locale, status));
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

/** A locale's pages show machine translation drafts: the build says so, with examples. */
function machineDrafts(locale: string, status: LocaleStatus): Diagnostic {
  const examples = status.fields.filter((f) => f.status === 'machine').slice(0, 3);
  return {
    severity: 'warning',
    ruleId: 'polycourse:machine',
    path: `locales.${locale}`,
    message:
      `${locale}: ${status.counts.machine} text(s) are machine translation drafts nobody has ` +
      `reviewed yet, published as they are (e.g. ${examples.map((f) => f.path).join(', ')})`,
    fix:
      `Review them (polycourse l10n export <course> --locale ${locale}, then l10n import); ` +
      '--approved-only publishes only locales with every text approved.',
  };
}
