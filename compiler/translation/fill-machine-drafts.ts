/**
 * Fill one locale of a course folder with machine translation drafts. The units asked for
 * (missing ones by default) go to a provider in bounded, timed calls; a draft must keep exactly
 * its source's placeholders or it is left out, with a warning naming its unit. The others are
 * stored by the import itself (importTranslations), marked `machine`: they show as needing review
 * and are never approved. A provider that fails, answers nonsense or times out writes nothing.
 */
import type { Course } from '../model/course.ts';
import { hasErrors, type Diagnostic } from '../model/diagnostic.ts';
import { readCourseFromFiles } from '../sources/files/read-course-from-files.ts';
import { xliff12 } from './formats/xliff12.ts';
import { importTranslations } from './import-translations.ts';
import {
  fromProviderText,
  toProviderText,
  type MachineSegment,
  type MachineTranslator,
} from './machine-translation.ts';
import { placeholderPattern } from './segment-mdx.ts';
import { translationStatus } from './translation-status.ts';
import { translationUnits, type TranslationUnit } from './translation-units.ts';

/** The units a run may draft: those with no translation, or one made from an older source. */
export type DraftableState = 'missing' | 'stale';

export interface Options {
  locale: string;
  translator: MachineTranslator;
  /** which units get a draft (default `['missing']`: a translation is never replaced unasked) */
  only?: DraftableState[];
  /** most segments in one call (default 50) */
  segmentsPerCall?: number;
  /** most source characters in one call; a longer segment goes alone (default 5 000) */
  charactersPerCall?: number;
  /** most source characters in the whole run; more is refused before any call (default 100 000) */
  maxCharacters?: number;
  /** how long one call may take, in milliseconds (default 60 000) */
  timeoutMs?: number;
}

export interface MachineDraftResult {
  ok: boolean;
  locale: string;
  provider: string;
  /** units stored as machine drafts */
  drafted: number;
  /** source characters sent to the provider */
  characters: number;
  /** errors when not ok (then nothing was written); a warning for each draft left out */
  diagnostics: Diagnostic[];
  /** files written (only when ok) */
  written: string[];
}

const problem = (
  severity: Diagnostic['severity'],
  /** the whole id, `polycourse:<rule>` (so docs/rules.md's test finds it) */
  ruleId: string,
  message: string,
  fix: string,
  where: { path?: string; locale?: string } = {},
): Diagnostic => ({ severity, ruleId, message, fix, ...where });

export async function fillMachineDrafts(
  courseDir: string,
  options: Options,
): Promise<MachineDraftResult> {
  const { locale, translator } = options;
  const warnings: Diagnostic[] = [];
  const result: MachineDraftResult = {
    ok: false,
    locale,
    provider: translator.name,
    drafted: 0,
    characters: 0,
    diagnostics: warnings,
    written: [],
  };
  const fail = (problem: Diagnostic): MachineDraftResult => ({
    ...result,
    diagnostics: [...warnings, problem],
  });

  const read = readUnits(courseDir, locale);
  if ('problem' in read) return fail(read.problem);
  const { course, units } = read;
  const chosen = chooseUnits(units, options.only ?? ['missing'], course, locale, warnings);
  const characters = chosen.reduce((n, u) => n + u.source.length, 0);
  const maxCharacters = options.maxCharacters ?? 100_000;
  if (characters > maxCharacters)
    return fail(
      problem(
        'error',
        'polycourse:machine-limit',
        `${chosen.length} texts of ${characters} characters to translate, more than the ` +
          `${maxCharacters} allowed; nothing was sent`,
        'Raise the limit (--max-characters) if your provider plan allows it.',
        { locale },
      ),
    );

  const drafts = await askProvider(course, chosen, options);
  if ('error' in drafts)
    return fail(
      problem(
        'error',
        'polycourse:machine-provider',
        `the machine translation provider "${translator.name}" ${drafts.error}; ` +
          'nothing was written',
        'Check the provider (its address, key and quota) and run l10n machine again.',
        { locale },
      ),
    );
  result.characters = characters;

  const pending = new Map<string, TranslationUnit>();
  for (const unit of chosen) {
    const draft = checkDraft(unit, drafts.get(unit.id));
    if (typeof draft === 'string') pending.set(unit.id, { ...unit, target: draft });
    else warnings.push({ ...draft, path: unit.id, locale });
  }
  return storeDrafts(courseDir, course, locale, pending, result);
}

/** The course and its translation units in `locale`, or why there are none. */
function readUnits(
  courseDir: string,
  locale: string,
): { course: Course; units: TranslationUnit[] } | { problem: Diagnostic } {
  const refuse = (ruleId: string, message: string, fix: string) => ({
    problem: problem('error', ruleId, message, fix, { locale }),
  });
  const source = readCourseFromFiles(courseDir);
  if (!source.course || hasErrors(source.diagnostics))
    return refuse(
      'polycourse:import-course-invalid',
      'the course itself has errors',
      'Run polycourse validate on the course and fix what it reports, then run this again.',
    );
  const course = source.course;
  if (locale === course.sourceLocale || !course.locales.includes(locale))
    return refuse(
      'polycourse:import-locale',
      `"${locale}" is not a translation locale of this course`,
      `Use one of ${course.locales.filter((l) => l !== course.sourceLocale).join(', ')}.`,
    );
  try {
    return { course, units: translationUnits(course, locale) };
  } catch (error) {
    const m = error as { reason?: string; message?: string; ruleId?: string };
    return refuse(
      `polycourse:${m.ruleId ?? 'mdx-syntax'}`,
      `a body of the course cannot be split into segments (${m.reason ?? m.message})`,
      'Run polycourse validate and fix the body it names first.',
    );
  }
}

/**
 * The units in one of the states `only` names, but none of a body (or caption file) whose
 * translation a draft would replace whole: that one gets a warning instead.
 */
function chooseUnits(
  units: TranslationUnit[],
  only: string[],
  course: Course,
  locale: string,
  warnings: Diagnostic[],
): TranslationUnit[] {
  const kept = translationsThatWouldBeReplaced(course, locale, units);
  for (const field of kept)
    if (units.some((u) => u.field === field && only.includes(u.state)))
      warnings.push(
        problem(
          'warning',
          'polycourse:machine-kept',
          'this body (or caption file) has a translation whose segments no longer pair with the ' +
            "source's; a draft would replace it whole, so it is left as it is",
          'Bring it up to date in a CAT tool (l10n export lists its segments), or delete the ' +
            'translated file to have it drafted.',
          { path: field, locale },
        ),
      );
  return units.filter((u) => only.includes(u.state) && !kept.has(u.field));
}

/**
 * Bodies and caption files that have a translation none of whose segments pair with today's
 * source (its structure changed since): their segments count as missing, and drafting them would
 * write over the whole translation.
 */
function translationsThatWouldBeReplaced(
  course: Course,
  locale: string,
  units: TranslationUnit[],
): Set<string> {
  const translated = translationStatus(course, [locale])[locale].fields.filter(
    (f) => f.status !== 'missing',
  );
  const segmented = new Set(units.filter((u) => u.id !== u.field).map((u) => u.field));
  return new Set(
    translated
      .map((f) => f.path)
      .filter(
        (field) =>
          segmented.has(field) && units.every((u) => u.field !== field || u.target === undefined),
      ),
  );
}

/** Every chosen unit's draft (provider text), by id; or why the provider failed. */
async function askProvider(
  course: Course,
  units: TranslationUnit[],
  options: Options,
): Promise<Map<string, string> | { error: string }> {
  const drafts = new Map<string, string>();
  const timeoutMs = options.timeoutMs ?? 60_000;
  for (const batch of batchesOf(units, options)) {
    const asked = new Set(batch.map((u) => u.id));
    let answer: unknown;
    try {
      answer = await withTimeout(
        (signal) =>
          options.translator.translate({
            sourceLocale: course.sourceLocale,
            targetLocale: options.locale,
            segments: batch.map((u) => ({ id: u.id, text: toProviderText(u.source) })),
            signal,
          }),
        timeoutMs,
      );
    } catch (error) {
      return { error: `failed: ${(error as Error)?.message ?? String(error)}` };
    }
    if (!Array.isArray(answer) || !answer.every(isSegment))
      return { error: 'did not answer a list of { id, text } drafts' };
    for (const a of answer) if (asked.has(a.id)) drafts.set(a.id, a.text);
  }
  return drafts;
}

const isSegment = (a: unknown): a is MachineSegment =>
  !!a &&
  typeof (a as MachineSegment).id === 'string' &&
  typeof (a as MachineSegment).text === 'string';

/** Units in calls of at most `segmentsPerCall` segments and `charactersPerCall` characters. */
function batchesOf(units: TranslationUnit[], options: Options): TranslationUnit[][] {
  const most = Math.max(1, options.segmentsPerCall ?? 50);
  const mostCharacters = options.charactersPerCall ?? 5_000;
  const batches: TranslationUnit[][] = [];
  let batch: TranslationUnit[] = [];
  let characters = 0;
  for (const unit of units) {
    const full = batch.length >= most || characters + unit.source.length > mostCharacters;
    if (batch.length && full) {
      batches.push(batch);
      batch = [];
      characters = 0;
    }
    batch.push(unit);
    characters += unit.source.length;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

/** `call`, failing after `ms` (and aborting its signal, so a fetch inside it stops too). */
async function withTimeout<T>(call: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`gave no answer within ${ms / 1000} s`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => call(controller.signal)), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** The draft as segment text, or why it is left out. */
function checkDraft(
  unit: TranslationUnit,
  given: string | undefined,
): string | Omit<Diagnostic, 'path'> {
  const draft = given === undefined ? undefined : fromProviderText(given);
  if (draft === undefined || !draft.replace(placeholderPattern, '').trim())
    return problem(
      'warning',
      'polycourse:machine-no-draft',
      'the provider returned no draft for this text; it is left as it was',
      'Translate it yourself, or run l10n machine again.',
    );
  const numbers = (text: string) =>
    [...text.matchAll(placeholderPattern)].map((m) => Number(m[1])).sort((a, b) => a - b);
  const want = Object.keys(unit.codes)
    .map(Number)
    .sort((a, b) => a - b);
  const got = numbers(draft);
  if (want.join() !== got.join()) {
    const list = (ns: number[]) => (ns.length ? ns.map((n) => `{${n}}`).join(' ') : 'none');
    return problem(
      'warning',
      'polycourse:machine-placeholder',
      `the draft does not keep the placeholders of the source (source ${list(want)}, ` +
        `draft ${list(got)}); it is left out`,
      'Translate this text yourself: each placeholder stands for markup and must appear once.',
    );
  }
  return draft;
}

/**
 * Store the drafts through the import, as a file of `machine` units would be. A draft the import
 * refuses (its body would not pass the build's check, say) is left out with the import's own
 * reason, and the others are imported again; nothing is written until the import accepts.
 */
function storeDrafts(
  courseDir: string,
  course: Course,
  locale: string,
  pending: Map<string, TranslationUnit>,
  result: MachineDraftResult,
): MachineDraftResult {
  const warnings = result.diagnostics;
  while (pending.size) {
    const file = xliff12.write(
      { courseId: course.id, sourceLocale: course.sourceLocale, targetLocale: locale },
      [...pending.values()].map((u) => ({ ...u, state: 'machine', previousSource: undefined })),
    );
    const imported = importTranslations(courseDir, file, locale);
    // The import's checks that only warn (qa-checks.ts) are worth a reviewer's look too.
    if (imported.ok)
      return {
        ...result,
        ok: true,
        drafted: imported.units,
        written: imported.written,
        diagnostics: [...warnings, ...imported.warnings],
      };
    const refused = [...pending.values()].filter((u) =>
      imported.diagnostics.some((d) => d.path === u.id || d.path === u.field),
    );
    if (!refused.length) return { ...result, diagnostics: [...warnings, ...imported.diagnostics] };
    for (const u of refused) pending.delete(u.id);
    warnings.push(
      ...imported.diagnostics.map((d) => ({
        ...d,
        severity: 'warning' as const,
        message: `machine draft left out: ${d.message}`,
      })),
    );
  }
  return { ...result, ok: true };
}
