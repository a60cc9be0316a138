/**
 * Issue #16: the checks an import runs on each translated unit (qa-checks.ts), each with a case it
 * warns on and one it lets pass; then a PO file imported through the real CLI, whose warnings name
 * their units while the import still writes the translations.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import gettextParser from 'gettext-parser';
import {
  bracketsPaired,
  checkTranslations,
  edgeSpacesKept,
  emailsKept,
  glossaryTerms,
  glossaryTermsUsed,
  noDoubledWord,
  numbersKept,
  urlsKept,
  withinMaxLength,
  type CheckContext,
  type QaCheck,
} from '../../compiler/translation/qa-checks.ts';
import { placeholder } from '../../compiler/translation/segment-mdx.ts';
import { importTranslations } from '../../compiler/translation/import-translations.ts';
import { miniCourse, miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

const french: CheckContext = {
  locale: 'fr',
  terms: [{ id: 'legal-capacity', source: 'Legal capacity', target: 'Capacité juridique' }],
};
const ph = placeholder;

/** [what, check, source, target, the warning's words (undefined: no warning), locale] */
const cases: [string, QaCheck, string, string, RegExp | undefined, string?][] = [
  ['a changed year', numbersKept, 'Adopted in 2006.', 'Adoptée en 2007.', /2006.*2007/],
  ['a missing article number', numbersKept, 'See article 12.', "Voir l'article.", /12 of the/],
  ['an added number', numbersKept, 'Three rights.', '3 droits.', /3 in the translation/],
  ['the same numbers', numbersKept, 'In 2006, 192 states.', 'En 2006, 192 États.', undefined],
  [
    'Arabic-Indic digits',
    numbersKept,
    'Adopted in 2006 by 192 states (article 12).',
    'اعتمدت عام ٢٠٠٦ من قبل ١٩٢ دولة (المادة ١٢).',
    undefined,
    'ar',
  ],
  ['Devanagari digits', numbersKept, 'Article 25', 'अनुच्छेद २५', undefined, 'hi'],
  ['Extended Arabic-Indic digits', numbersKept, 'Page 47', 'صفحه ۴۷', undefined, 'fa'],
  ['local group and decimal marks', numbersKept, '1,000.5 km', '1 000,5 km', undefined],
  [
    'a narrow no-break space group',
    numbersKept,
    '12,500 people',
    '12\u202F500 personnes',
    undefined,
  ],
  [
    'digits of a placeholder',
    numbersKept,
    `Read ${ph(1)}this${ph(2)}.`,
    `Lire ${ph(2)}`,
    undefined,
  ],
  [
    'a URL changed',
    urlsKept,
    'See https://www.who.int/en/health.',
    'Voir https://www.who.int/fr/health.',
    /URL changed: https:\/\/www\.who\.int\/en\/health in the source, .*\/fr\/health/,
  ],
  [
    'a URL left out',
    urlsKept,
    'At www.ohchr.org today.',
    'Sur le site du HCDH.',
    /www\.ohchr\.org/,
  ],
  [
    'a URL kept, in brackets and before a full stop',
    urlsKept,
    'Read it (https://en.wikipedia.org/wiki/CRPD_(treaty)). Or https://un.org.',
    'Lisez-le (https://en.wikipedia.org/wiki/CRPD_(treaty)). Ou https://un.org !',
    undefined,
  ],
  [
    'an e-mail address changed',
    emailsKept,
    'Write to help@who.int.',
    'Écrire à aide@who.int.',
    /help@who\.int/,
  ],
  [
    'an e-mail address kept',
    emailsKept,
    'Write to help@who.int.',
    'Écrire à help@who.int.',
    undefined,
  ],
  [
    'a trailing space lost',
    edgeSpacesKept,
    'Rights: ',
    'Droits :',
    /ends with a space, the translation with nothing/,
  ],
  [
    'a leading line break added',
    edgeSpacesKept,
    'Rights',
    '\nDroits',
    /starts with nothing, the translation with a line break/,
  ],
  ['the same edges', edgeSpacesKept, ' Rights ', ' Droits ', undefined],
  ['a doubled word, any case', noDoubledWord, 'The right', 'Le le droit', /"le le"/],
  [
    'a doubled Cyrillic word',
    noDoubledWord,
    'The right',
    'Право право человека',
    /"право право"/,
    'ru',
  ],
  ['a French reflexive', noDoubledWord, 'We commit', 'Nous nous engageons', undefined],
  ['a doubled name the source has', noDoubledWord, 'In Bora Bora', 'À Bora Bora', undefined],
  ['words that only start alike', noDoubledWord, 'The theme', 'Le leçon', undefined],
  ['a bracket left open', bracketsPaired, '(see below)', '(voir ci-dessous', /parentheses \( \)/],
  ['a quotation mark left open', bracketsPaired, '“Rights”', '« Droits', /quotation marks « »/],
  ['English quotes as French ones', bracketsPaired, 'The “right”.', 'Le « droit ».', undefined],
  ['German quotes', bracketsPaired, 'The “right”.', 'Das „Recht“.', undefined, 'de'],
  ['Japanese quotes', bracketsPaired, 'The “right”.', '「権利」', undefined, 'ja'],
  ['a list number the source has', bracketsPaired, '1) Listen', '1) Écouter', undefined],
  ['placeholders are not counted', bracketsPaired, `A ${ph(1)}b${ph(2)}`, `Un ${ph(1)}`, undefined],
  [
    'over maxLength',
    withinMaxLength,
    'Short cue',
    'Une réplique bien trop longue',
    /29 characters, more than the 20/,
  ],
  [
    'within maxLength, placeholders not counted',
    withinMaxLength,
    'Cue',
    `${ph(1)}Réplique${ph(2)}`,
    undefined,
  ],
  [
    'a glossary term not used',
    glossaryTermsUsed,
    'Everyone has legal capacity.',
    'Chacun a la capacité de décider.',
    /"Legal capacity" → "Capacité juridique"/,
  ],
  [
    'a glossary term inflected',
    glossaryTermsUsed,
    'Legal capacity for all.',
    'Les capacités juridiques de tous.',
    undefined,
  ],
  [
    'no glossary term in the source',
    glossaryTermsUsed,
    'Illegal capacityx',
    'Autre chose',
    undefined,
  ],
];

describe('QA checks: one warns, one lets pass', () => {
  it.each(cases)('%s', (_, check, source, target, warns, locale = 'fr') => {
    const text = { id: 'u', source, target, maxLength: check === withinMaxLength ? 20 : undefined };
    const found = check.find(text, { ...french, locale });
    if (warns) expect(found).toMatch(warns);
    else expect(found).toBeUndefined();
  });

  it('every check has a case that warns and one that does not', () => {
    for (const check of new Set(cases.map((c) => c[1]))) {
      const mine = cases.filter((c) => c[1] === check);
      expect(mine.some((c) => c[4]) && mine.some((c) => !c[4]), check.ruleId).toBe(true);
    }
  });

  it('gives warnings on the unit and locale, with the rule and a fix', () => {
    const warnings = checkTranslations(
      [
        { id: 'title', source: 'Adopted in 2006', target: 'Adoptée en 2007' },
        { id: 'intro', source: 'Hello', target: 'Bonjour' },
        { id: 'empty', source: 'Hello 1', target: '' },
      ],
      french,
    );
    expect(warnings).toEqual([
      {
        severity: 'warning',
        ruleId: 'polycourse:qa-numbers',
        message: 'number changed: 2006 in the source, 2007 in the translation',
        fix: numbersKept.fix,
        path: 'title',
        locale: 'fr',
      },
    ]);
  });

  it('takes the glossary from the course, with translations being imported first', () => {
    const course = miniCourse();
    expect(glossaryTerms(course, 'fr')).toEqual([]);
    expect(glossaryTerms(course, 'ar')).toEqual([
      { id: 'crpd', source: 'CRPD', target: 'اتفاقية حقوق الأشخاص ذوي الإعاقة' },
    ]);
    expect(glossaryTerms(course, 'fr', new Map([['glossary.crpd.term', 'CDPH']]))).toEqual([
      { id: 'crpd', source: 'CRPD', target: 'CDPH' },
    ]);
  });
});

describe('QA warnings at import', () => {
  const quiz = 'modules.basics.units.basics-quiz';

  /**
   * The mini course's French PO, every unit "translated" as its source (nothing to warn about)
   * but for `targets` (unit id → the translation of a source).
   */
  function frenchPo(course: string, targets: Record<string, (source: string) => string>) {
    const exported = run('l10n', 'export', course, '--locale', 'fr', '--format', 'po');
    expect(exported.status, exported.stderr).toBe(0);
    const data = gettextParser.po.parse(exported.stdout);
    for (const [context, entries] of Object.entries(data.translations))
      if (context)
        for (const entry of Object.values(entries))
          entry.msgstr = [targets[context]?.(entry.msgid) ?? entry.msgid];
    const file = path.join(tempDir(), 'fr.po');
    fs.writeFileSync(file, gettextParser.po.compile(data));
    return file;
  }

  it('prints each warning with its unit id and still imports the file', () => {
    const course = copyCourse(miniCourseDir);
    const file = frenchPo(course, {
      [`${quiz}.questions.q5.options.art12`]: () => 'Article 13',
      'glossary.crpd.term': () => 'CDPH',
      'modules.basics.units.first-lesson.body:2': (s) => s.replace('CRPD', 'Convention'),
      'modules.basics.title': () => 'Les les bases',
    });
    const result = run('l10n', 'import', course, file);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^fr: imported \d+ units into \d+ files$/m);
    expect(result.stderr).toContain(
      `${quiz}.questions.q5.options.art12 (fr)  warning  ` +
        'number changed: 12 in the source, 13 in the translation  [polycourse:qa-numbers]',
    );
    expect(result.stderr).toContain(
      'modules.basics.units.first-lesson.body:2 (fr)  warning  ' +
        'glossary term(s) not used: "CRPD" → "CDPH"  [polycourse:qa-glossary-term]',
    );
    expect(result.stderr).toContain(
      'modules.basics.title (fr)  warning  doubled word: "les les"  [polycourse:qa-doubled-word]',
    );
    expect(result.stderr).toContain('see: docs/rules.md#qa-numbers');
    expect(result.stderr).toMatch(/^0 error\(s\), 3 warning\(s\)$/m);
    // The warned translations are in the course.
    const yaml = fs.readFileSync(path.join(course, 'locales/fr.yaml'), 'utf8');
    expect(yaml).toContain('Article 13');
    expect(yaml).toContain('Les les bases');
    expect(
      fs.readFileSync(path.join(course, 'modules/basics/first-lesson.fr.mdx'), 'utf8'),
    ).toContain('Convention');
  });

  it('returns the warnings beside the result (--json and the function alike)', () => {
    const course = copyCourse(miniCourseDir);
    const file = frenchPo(course, { [`${quiz}.questions.q5.options.art12`]: () => 'Article 13' });
    const json = run('l10n', 'import', course, file, '--json');
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      diagnostics: [],
      warnings: [
        {
          severity: 'warning',
          ruleId: 'polycourse:qa-numbers',
          path: `${quiz}.questions.q5.options.art12`,
          locale: 'fr',
          docs: 'docs/rules.md#qa-numbers',
        },
      ],
    });
    const again = importTranslations(course, fs.readFileSync(file, 'utf8'));
    expect(again.ok).toBe(true);
    expect(again.warnings.map((w) => w.path)).toEqual([`${quiz}.questions.q5.options.art12`]);
  });

  it('lists the warnings beside the problems of a refused file', () => {
    const course = copyCourse(miniCourseDir);
    const file = frenchPo(course, {
      [`${quiz}.questions.q5.options.art12`]: () => 'Article 13',
      'modules.basics.units.second-lesson.body:2': () => '<script>alert()</script>',
    });
    const result = run('l10n', 'import', course, file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^1 error\(s\), 1 warning\(s\)$/m);
    expect(result.stderr).toContain('[polycourse:qa-numbers]');
    expect(result.stderr).toContain('Import refused: 1 problem(s); nothing was changed.');
  });
});
