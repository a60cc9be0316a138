/**
 * Machine translation drafts (`l10n machine`): the offline pseudo provider fills a locale of a copy
 * of the mini course; drafts count as `machine` (never approved), a draft that breaks its
 * placeholders is left out alone, a provider that throws, hangs or answers nonsense writes nothing,
 * a partner's provider module is loaded by path, exports mark drafts as machine translation and a
 * reviewed file brought back makes them translations. No network.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import gettextParser from 'gettext-parser';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { fillMachineDrafts } from '../../compiler/translation/fill-machine-drafts.ts';
import {
  fromProviderText,
  toProviderText,
  type MachineRequest,
  type MachineTranslator,
} from '../../compiler/translation/machine-translation.ts';
import { pseudoTranslator } from '../../compiler/translation/pseudo-translator.ts';
import { importTranslations } from '../../compiler/translation/import-translations.ts';
import { translationStatus } from '../../compiler/translation/translation-status.ts';
import { translationUnits } from '../../compiler/translation/translation-units.ts';
import { placeholder } from '../../compiler/translation/segment-mdx.ts';
import { sha256 } from '../../compiler/model/fingerprint.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

const courseOf = (dir: string) => readCourseFromFiles(dir).course!;
const statusOf = (dir: string, locale = 'fr') => translationStatus(courseOf(dir), [locale])[locale];
/** A fingerprint of every file of a course folder, to prove a failed run changed nothing. */
const snapshot = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => `${f}:${sha256(fs.readFileSync(path.join(dir, f)))}`);

/** The pseudo provider, except for the units `change` rewrites (and a log of every request). */
function provider(
  change: (id: string, text: string) => string | undefined = () => undefined,
): MachineTranslator & { requests: MachineRequest[] } {
  const requests: MachineRequest[] = [];
  return {
    name: 'test',
    requests,
    async translate(request) {
      requests.push(request);
      const drafts = await pseudoTranslator.translate(request);
      return drafts.map((d) => ({ id: d.id, text: change(d.id, d.text) ?? d.text }));
    },
  };
}

describe('machine translation drafts', () => {
  it('pseudo fills the missing units; they count as machine, never approved', async () => {
    const course = copyCourse(miniCourseDir);
    const before = statusOf(course);
    const result = await fillMachineDrafts(course, { locale: 'fr', translator: pseudoTranslator });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.drafted).toBeGreaterThan(before.counts.missing);

    const after = statusOf(course);
    expect(after.counts).toMatchObject({
      missing: 0,
      machine: before.counts.missing,
      translated: before.counts.translated,
      approved: 0,
    });
    const yaml = fs.readFileSync(path.join(course, 'locales/fr.yaml'), 'utf8');
    expect(yaml).toContain('title: Mini cours'); // a translation is never replaced unasked
    expect(yaml).toContain('⟦Ţĥŕéé ǫúéšţíóñš.⟧');
    // Markup comes back from the placeholders, where the provider left them.
    const body = fs.readFileSync(path.join(course, 'modules/basics/first-lesson.fr.mdx'), 'utf8');
    expect(body).toContain(
      '⟦Éṽéŕýóñé ĥáš **ŕíĝĥţš**. Ţĥé <Term id="crpd">ÇŔÞĐ</Term> šáýš šó.[^1]⟧',
    );
    expect(fs.existsSync(path.join(course, 'media/captions/intro-video.fr.vtt'))).toBe(true);

    // The CLI table has a machine column; the locale's work list names the drafts.
    const table = run('l10n', 'status', course, '--locale', 'fr');
    expect(table.stdout).toMatch(/machine\n/);
    expect(table.stdout).toMatch(/Français \(fr\)\s+0\s+3\s+0\s+0\s+52\n/);
    expect(table.stdout).toMatch(/ {2}machine {2}description\n/);
    // Approving the locale as a whole leaves its drafts drafts.
    expect(run('l10n', 'mark', course, '--locale', 'fr', '--approve').status).toBe(0);
    expect(statusOf(course).counts).toMatchObject({ machine: 52, approved: 3 });

    // A second run finds nothing missing and changes nothing.
    const files = snapshot(course);
    const again = await fillMachineDrafts(course, { locale: 'fr', translator: pseudoTranslator });
    expect(again).toMatchObject({ ok: true, drafted: 0, written: [] });
    expect(snapshot(course)).toEqual(files);
  });

  it('sends bounded calls, placeholders as <x id/> tags providers cannot break', async () => {
    const course = copyCourse(miniCourseDir);
    const p = provider();
    const result = await fillMachineDrafts(course, {
      locale: 'fr',
      translator: p,
      segmentsPerCall: 7,
      charactersPerCall: 120,
    });
    expect(result.ok).toBe(true);
    expect(p.requests.length).toBeGreaterThan(52 / 7);
    for (const r of p.requests) {
      expect(r).toMatchObject({ sourceLocale: 'en', targetLocale: 'fr' });
      expect(r.segments.length).toBeLessThanOrEqual(7);
      const characters = r.segments.reduce((n, s) => n + fromProviderText(s.text).length, 0);
      if (r.segments.length > 1) expect(characters).toBeLessThanOrEqual(120);
      expect(r.signal).toBeInstanceOf(AbortSignal);
    }
    const texts = p.requests.flatMap((r) => r.segments.map((s) => s.text));
    expect(texts).toContain(
      'Everyone has <x id="1"/>rights<x id="2"/>. ' +
        'The <x id="3"/>CRPD<x id="4"/> says so.<x id="5"/>',
    );
    expect(texts.join('')).not.toMatch(/[\uE000\uE001]/);

    // Too much text for the run: refused before anything is sent.
    const other = copyCourse(miniCourseDir);
    const q = provider();
    const limited = await fillMachineDrafts(other, {
      locale: 'fr',
      translator: q,
      maxCharacters: 100,
    });
    expect(limited.ok).toBe(false);
    expect(limited.diagnostics.map((d) => d.ruleId)).toEqual(['polycourse:machine-limit']);
    expect(q.requests).toEqual([]);
  });

  it('reads tags and entities back as providers write them; only tags are placeholders', () => {
    const text = `Say ${placeholder(1)}hi${placeholder(2)} & <go> "now"`;
    expect(toProviderText(text)).toBe('Say <x id="1"/>hi<x id="2"/> &amp; &lt;go&gt; "now"');
    expect(fromProviderText(toProviderText(text))).toBe(text);
    expect(fromProviderText('Dis <x id="1"></x>salut<x id=\'2\' /> &amp; &#233;&#xE9; &lt;')).toBe(
      `Dis ${placeholder(1)}salut${placeholder(2)} & éé <`,
    );
    // A provider cannot forge a placeholder mark or slip control characters in.
    expect(fromProviderText(`a${placeholder(3)}b\u0007c &#xE000;`)).toBe('a3bc &#xE000;');
  });

  it('a draft that drops a placeholder is left out, its unit named; the rest is kept', async () => {
    const course = copyCourse(miniCourseDir);
    const units = translationUnits(courseOf(course), 'fr');
    const broken = units.find((u) => u.source.startsWith('Everyone has') && u.id.includes(':'))!;
    const p = provider((id, text) =>
      id === broken.id ? text.replace('<x id="3"/>', '') : undefined,
    );
    const result = await fillMachineDrafts(course, { locale: 'fr', translator: p });
    expect(result.ok).toBe(true);
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings[0]).toMatchObject({
      ruleId: 'polycourse:machine-placeholder',
      path: broken.id,
      locale: 'fr',
    });
    expect(warnings[0].message).toContain('source {1} {2} {3} {4} {5}, draft {1} {2} {4} {5}');
    // A body is stored whole: the segment's body waits for a translator, with the import's reason.
    expect(warnings[1]).toMatchObject({
      ruleId: 'polycourse:import-partial-body',
      path: broken.field,
    });
    expect(fs.existsSync(path.join(course, 'modules/basics/first-lesson.fr.mdx'))).toBe(false);
    const status = statusOf(course);
    expect(status.fields.find((f) => f.path === broken.field)?.status).toBe('missing');
    expect(status.counts).toMatchObject({ missing: 1, machine: 51 });

    // A draft that would break the body's MDX is left out by the import's own check.
    const other = copyCourse(miniCourseDir);
    const tip = units.find((u) => u.source === 'Plain text with a list:')!;
    const q = provider((id) => (id === tip.id ? 'Texte {avec} une liste' : undefined));
    const second = await fillMachineDrafts(other, { locale: 'fr', translator: q });
    expect(second.ok).toBe(true);
    expect(second.diagnostics.map((d) => [d.path, d.severity])).toContainEqual([tip.id, 'warning']);
    expect(fs.existsSync(path.join(other, 'modules/basics/second-lesson.fr.mdx'))).toBe(false);
    expect(statusOf(other).counts.machine).toBe(51);
  });

  it('leaves alone a translated body whose segments no longer pair with the source', async () => {
    // ar's first lesson is translated, but not sentence for sentence: its segments count as missing
    const course = copyCourse(miniCourseDir);
    const file = path.join(course, 'modules/basics/first-lesson.ar.mdx');
    const before = fs.readFileSync(file, 'utf8');
    const result = await fillMachineDrafts(course, { locale: 'ar', translator: pseudoTranslator });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: 'polycourse:machine-kept',
        path: 'modules.basics.units.first-lesson.body',
      }),
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(statusOf(course, 'ar').counts).toMatchObject({ missing: 0, machine: 3, translated: 52 });
  });

  it('a provider that throws, hangs or answers nonsense writes nothing', async () => {
    const course = copyCourse(miniCourseDir);
    const files = snapshot(course);
    let calls = 0;
    const failing: MachineTranslator[] = [
      {
        name: 'throws-late',
        async translate(request) {
          // the first call succeeds: what it drafted must not be written either
          if (++calls > 1) throw new Error('quota exceeded');
          return pseudoTranslator.translate(request);
        },
      },
      { name: 'hangs', translate: () => new Promise(() => {}) },
      { name: 'nonsense', translate: async () => 'ok' as never },
      {
        name: 'throws-at-once',
        translate() {
          throw new Error('no key');
        },
      },
    ];
    const messages: string[] = [];
    for (const translator of failing) {
      const result = await fillMachineDrafts(course, {
        locale: 'fr',
        translator,
        segmentsPerCall: 10,
        timeoutMs: 50,
      });
      expect(result).toMatchObject({ ok: false, drafted: 0, written: [] });
      expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['polycourse:machine-provider']);
      messages.push(result.diagnostics[0].message);
      expect(snapshot(course)).toEqual(files);
    }
    expect(messages).toEqual([
      'the machine translation provider "throws-late" failed: quota exceeded; nothing was written',
      'the machine translation provider "hangs" failed: gave no answer within 0.05 s; ' +
        'nothing was written',
      'the machine translation provider "nonsense" did not answer a list of { id, text } ' +
        'drafts; nothing was written',
      'the machine translation provider "throws-at-once" failed: no key; nothing was written',
    ]);
  });

  it('loads a provider module by path; unknown providers, bad flags: usage errors', () => {
    const course = copyCourse(miniCourseDir);
    const dir = tempDir();
    const module = path.join(dir, 'bracket-provider.mjs');
    fs.writeFileSync(
      module,
      [
        'export default {',
        "  name: 'bracket',",
        '  async translate({ targetLocale, segments }) {',
        '    return segments.map(({ id, text }) => ({ id, text: `[${targetLocale}] ${text}` }));',
        '  },',
        '};',
      ].join('\n'),
    );
    const r = run('l10n', 'machine', course, '--locale', 'fr', '--provider', module);
    // (the import's checks may warn, e.g. a caption longer than can be read)
    expect(r.stderr).not.toContain('  error  ');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^fr: "bracket" drafted 67 units \(texts, segments of bodies, caption cues\) into 6 files/,
    );
    const yaml = fs.readFileSync(path.join(course, 'locales/fr.yaml'), 'utf8');
    expect(yaml).toContain('[fr] A tiny course for tests.');
    const body = fs.readFileSync(path.join(course, 'modules/basics/first-lesson.fr.mdx'), 'utf8');
    expect(body).toContain('[fr] Everyone has **rights**. The <Term id="crpd">CRPD</Term>');

    const notAProvider = path.join(dir, 'empty.mjs');
    fs.writeFileSync(notAProvider, 'export const x = 1;\n');
    const usage = [
      ['--provider', notAProvider],
      ['--provider', 'deepl'],
      ['--provider', path.join(dir, 'missing.mjs')],
      ['--provider', 'pseudo', '--only', 'approved'],
      ['--provider', 'pseudo', '--timeout', 'soon'],
      [],
    ];
    for (const args of usage)
      expect(run('l10n', 'machine', course, '--locale', 'fr', ...args).status).toBe(2);
    expect(run('l10n', 'status', course, '--provider', 'pseudo').status).toBe(2);
    const limited = run(
      'l10n',
      'machine',
      course,
      '--locale',
      'ar',
      '--provider',
      'pseudo',
      '--max-characters',
      '5',
    );
    expect(limited.status).toBe(1);
    expect(limited.stderr).toContain('[polycourse:machine-limit]');
  });

  it('exports mark drafts as MT; a reviewed file makes them translations', async () => {
    const course = copyCourse(miniCourseDir);
    await fillMachineDrafts(course, { locale: 'fr', translator: pseudoTranslator });
    const exported = (format: string) => {
      const r = run('l10n', 'export', course, '--locale', 'fr', '--format', format);
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const xliff12 = exported('xliff12');
    const descriptionUnit = /<trans-unit id="description"[^>]*>[\s\S]*?<\/trans-unit>/.exec(
      xliff12,
    )![0];
    expect(descriptionUnit).not.toContain('approved="yes"');
    expect(descriptionUnit).toContain(
      '<target state="needs-review-translation" state-qualifier="mt-suggestion">',
    );
    expect(xliff12).toMatch(/<trans-unit id="title" [^>]*approved="yes"/);
    expect(exported('xliff20')).toMatch(
      /<unit id="description">[\s\S]*?<segment state="initial" subState="polycourse:machine">/,
    );
    const po = gettextParser.po.parse(exported('po'));
    expect(po.translations.description['A tiny course for tests.'].comments?.flag).toBe('fuzzy');
    expect(po.translations.title['Mini course'].comments?.flag).toBeUndefined();

    // Sent back unchanged, as drafts: still machine drafts (PO can only say fuzzy).
    expect(importTranslations(course, exported('po'), 'fr').ok).toBe(true);
    expect(importTranslations(course, xliff12, 'fr').ok).toBe(true);
    expect(statusOf(course).counts).toMatchObject({ machine: 52, translated: 3 });

    // A reviewer edits one draft and marks every unit translated.
    const reviewed = xliff12
      .replace(
        / state="needs-review-translation" state-qualifier="mt-suggestion"/g,
        ' state="translated"',
      )
      .replace('⟦Á ţíñý çóúŕšé ƒóŕ ţéšţš.⟧', 'Un petit cours pour les tests.');
    const result = importTranslations(course, reviewed, 'fr');
    expect(result.diagnostics).toEqual([]);
    expect(statusOf(course).counts).toMatchObject({ machine: 0, translated: 55, missing: 0 });
    const provenance = fs.readFileSync(path.join(course, 'locales/fr.sources.json'), 'utf8');
    expect(provenance).not.toContain('"machine"');
    expect(fs.readFileSync(path.join(course, 'locales/fr.yaml'), 'utf8')).toContain(
      'description: Un petit cours pour les tests.',
    );
  });

  it('a build publishes drafts and says so; --approved-only keeps the locale back', async () => {
    const course = copyCourse(miniCourseDir);
    await fillMachineDrafts(course, { locale: 'fr', translator: pseudoTranslator });
    const built = await buildCourse({ courseDir: course, outDir: tempDir(), locales: ['fr'] });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.coverage.fr.missing).toEqual([]);
    const warning = built.diagnostics.find((d) => d.ruleId === 'polycourse:machine');
    expect(warning?.message).toMatch(/^fr: 52 text\(s\) are machine translation drafts nobody/);

    const approvedOnly = await buildCourse({
      courseDir: course,
      outDir: tempDir(),
      approvedOnly: true,
    });
    expect(approvedOnly.locales).not.toContain('fr');
    expect(
      approvedOnly.diagnostics.find(
        (d) => d.ruleId === 'polycourse:not-published' && d.path === 'locales.fr',
      )?.message,
    ).toBe(
      'fr is not published: 0 of 55 texts approved (0 missing, 0 stale, 3 awaiting review, ' +
        '52 machine translation drafts)',
    );
  });
});
