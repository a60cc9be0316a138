/**
 * Issue #16: the state a translation tool gives a unit is kept (XLIFF 1.2 state/approved, XLIFF
 * 2.0 state, PO fuzzy), and staleness is per segment of a body: one changed English sentence
 * makes one French segment stale, with its previous source and a word diff, and a file that fixes
 * only that segment is accepted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import gettextParser from 'gettext-parser';
import { readCourse } from '../../compiler/sources/read-course.ts';
import { translationUnits } from '../../compiler/translation/translation-units.ts';
import {
  currentProvenance,
  sourceHash,
  translationStatus,
} from '../../compiler/translation/translation-status.ts';
import { exchangeFormats } from '../../compiler/translation/formats/index.ts';
import { importTranslations } from '../../compiler/translation/import-translations.ts';
import { rebuildVtt, segmentVtt } from '../../compiler/translation/segment-vtt.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';

type Format = keyof typeof exchangeFormats;

function exportText(course: string, locale: string, format: Format): string {
  const model = readCourse(course).course!;
  return exchangeFormats[format].write(
    { courseId: model.id, sourceLocale: model.sourceLocale, targetLocale: locale },
    translationUnits(model, locale),
  );
}

function statusOf(course: string, locale: string) {
  const model = readCourse(course).course!;
  return translationStatus(model, [locale])[locale];
}

function unitsOf(course: string, locale: string) {
  return translationUnits(readCourse(course).course!, locale);
}

/** Every unit of a PO export translated as `translate(id, msgid)` says, not fuzzy. */
function translatePo(text: string, translate: (id: string, msgid: string) => string | undefined) {
  const data = gettextParser.po.parse(text);
  for (const [context, entries] of Object.entries(data.translations)) {
    if (!context) continue;
    for (const entry of Object.values(entries)) {
      const value = translate(context, entry.msgid);
      if (value === undefined) continue;
      entry.msgstr = [value];
      if (entry.comments?.flag) delete entry.comments.flag;
    }
  }
  return gettextParser.po.compile(data, { foldLength: 0 }).toString('utf8');
}

const importOk = (course: string, text: string) => {
  const result = importTranslations(course, text);
  expect(result.diagnostics).toEqual([]);
  expect(result.ok).toBe(true);
  return result;
};

const lesson = 'modules.basics.units.first-lesson.body';

describe('per-segment staleness', () => {
  it('one changed sentence makes one segment stale, with its previous source and a diff', () => {
    const course = copyCourse(miniCourseDir);
    importOk(
      course,
      translatePo(exportText(course, 'fr', 'po'), (_, msgid) => `FR ${msgid}`),
    );
    expect(statusOf(course, 'fr').counts.stale).toBe(0);
    const before = unitsOf(course, 'fr').filter((u) => u.field === lesson);
    expect(before.every((u) => u.state === 'translated')).toBe(true);

    editFile(
      path.join(course, 'modules/basics/first-lesson.en.mdx'),
      'Everyone has **rights**.',
      'Every person has **rights**.',
    );
    const after = unitsOf(course, 'fr').filter((u) => u.field === lesson);
    expect(after.map((u) => u.state)).toEqual(
      before.map((u) => (u.id === `${lesson}:2` ? 'stale' : 'translated')),
    );
    const changed = after.find((u) => u.id === `${lesson}:2`)!;
    // The old French stays as a start; the unchanged segments keep theirs.
    expect(changed.target).toBe(before.find((u) => u.id === `${lesson}:2`)!.target);
    expect(after.find((u) => u.id === `${lesson}:1`)!.target).toBe('FR What rights are');

    const po = exportText(course, 'fr', 'po');
    const entries = gettextParser.po.parse(po).translations;
    const stale = Object.values(entries[`${lesson}:2`])[0];
    expect(stale.comments?.flag).toBe('fuzzy');
    expect(stale.comments?.previous).toBe(
      'msgid "Everyone has {1}rights{2}. The {3}CRPD{4} says so.{5}"',
    );
    expect(stale.comments?.extracted).toContain(
      'The source changed since the translation (removed [-…-], added {+…+}): ' +
        '[-Everyone-]{+Every person+} has {1}rights{2}.',
    );
    expect(Object.values(entries[`${lesson}:1`])[0].comments?.flag).toBeUndefined();

    const xliff = exportText(course, 'fr', 'xliff12');
    expect(xliff).toMatch(
      new RegExp(
        `<trans-unit id="${lesson.replace(/\./g, '\\.')}:2" xml:space="preserve">` +
          '<source>Every person has',
      ),
    );
    expect(xliff).toContain('<alt-trans alttranstype="previous-version"><source>Everyone has');
    expect(xliff).toMatch(
      new RegExp(
        `<trans-unit id="${lesson.replace(/\./g, '\\.')}:1" xml:space="preserve" approved="yes">`,
      ),
    );

    // The French translator fixes only that segment: accepted, the others kept.
    const onlyChanged = translatePo(po, (id, msgid) =>
      id === `${lesson}:2` ? `FR2 ${msgid}` : undefined,
    );
    const trimmed = gettextParser.po.parse(onlyChanged);
    for (const context of Object.keys(trimmed.translations))
      if (context && context !== `${lesson}:2`) delete trimmed.translations[context];
    importOk(course, gettextParser.po.compile(trimmed).toString('utf8'));
    const body = fs.readFileSync(path.join(course, 'modules/basics/first-lesson.fr.mdx'), 'utf8');
    expect(body).toContain('## FR What rights are');
    expect(body).toContain('FR2 Every person has **rights**. The <Term id="crpd">CRPD</Term>');
    expect(statusOf(course, 'fr').counts.stale).toBe(0);
    expect(
      unitsOf(course, 'fr')
        .filter((u) => u.field === lesson)
        .every((u) => u.state === 'translated'),
    ).toBe(true);
  });

  it('a segment left out keeps its status; a segment never translated refuses the body', () => {
    const course = copyCourse(miniCourseDir);
    importOk(
      course,
      translatePo(exportText(course, 'fr', 'po'), (_, msgid) => `FR ${msgid}`),
    );
    editFile(
      path.join(course, 'modules/basics/first-lesson.en.mdx'),
      'Everyone has **rights**.',
      'Every person has **rights**.',
    );
    // Only the heading re-sent: the changed segment stays stale, and so does the body.
    const po = exportText(course, 'fr', 'po');
    const data = gettextParser.po.parse(po);
    for (const context of Object.keys(data.translations))
      if (context && context !== `${lesson}:1`) delete data.translations[context];
    importOk(course, gettextParser.po.compile(data).toString('utf8'));
    expect(statusOf(course, 'fr').fields.find((f) => f.path === lesson)!.status).toBe('stale');
    expect(unitsOf(course, 'fr').find((u) => u.id === `${lesson}:2`)!.state).toBe('stale');

    // A new paragraph: its segment has no French anywhere, so the body cannot be rebuilt.
    editFile(
      path.join(course, 'modules/basics/first-lesson.en.mdx'),
      '## What rights are\n',
      '## What rights are\n\nA new paragraph.\n',
    );
    const again = gettextParser.po.parse(exportText(course, 'fr', 'po'));
    for (const context of Object.keys(again.translations))
      if (context && context !== `${lesson}:1`) delete again.translations[context];
    const refused = importTranslations(course, gettextParser.po.compile(again).toString('utf8'));
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics).toMatchObject([
      {
        ruleId: 'polycourse:import-partial-body',
        path: lesson,
        locale: 'fr',
        message: expect.stringMatching(
          /^1 of \d+ segments of this body have no translation, in the file or the course \(2\)$/,
        ),
      },
    ]);
  });
});

describe('states from the translation tool', () => {
  /** Set the XLIFF 1.2 target of unit `id` to `text` with `state`. */
  const setTarget12 = (xml: string, id: string, text: string, state: string) =>
    xml.replace(
      new RegExp(
        `(<trans-unit id="${id.replace(/\./g, '\\.')}"[^>]*>[\\s\\S]*?)<target[^>]*>[^<]*</target>`,
      ),
      `$1<target state="${state}">${text}</target>`,
    );

  it('XLIFF 1.2: needs-review is stored as stale, signed-off as approved, translated as is', () => {
    const course = copyCourse(miniCourseDir);
    let xml = exportText(course, 'fr', 'xliff12');
    xml = setTarget12(xml, 'title', 'Mini cours, revu', 'needs-review-translation');
    xml = setTarget12(xml, 'modules.basics.title', 'Les bases, approuvées', 'signed-off');
    xml = setTarget12(xml, 'modules.basics.units.first-lesson.title', 'Leçon un', 'translated');
    importOk(course, xml);
    const status = new Map(statusOf(course, 'fr').fields.map((f) => [f.path, f.status]));
    expect(status.get('title')).toBe('stale');
    expect(status.get('modules.basics.title')).toBe('approved');
    expect(status.get('modules.basics.units.first-lesson.title')).toBe('translated');
    expect(fs.readFileSync(path.join(course, 'locales/fr.yaml'), 'utf8')).toContain(
      'title: Mini cours, revu',
    );
    // And back out: the states the file carried.
    const out = exportText(course, 'fr', 'xliff12');
    expect(out).toMatch(
      new RegExp(
        '<trans-unit id="title" xml:space="preserve"><source>Mini course</source>' +
          '<target state="needs-review-translation">Mini cours, revu<',
      ),
    );
    expect(out).toMatch(
      new RegExp(
        '<trans-unit id="modules\\.basics\\.title" xml:space="preserve" approved="yes">' +
          '<source>Basics</source><target state="signed-off">',
      ),
    );
  });

  it('XLIFF 2.0: initial with a target is stale, reviewed and final are approved', () => {
    const course = copyCourse(miniCourseDir);
    let xml = exportText(course, 'fr', 'xliff20');
    const setSegment = (id: string, text: string, state: string) => {
      xml = xml.replace(
        new RegExp(
          `(<unit id="${id.replace(/\./g, '\\.')}">[\\s\\S]*?)<segment[^>]*>` +
            '(<source>[^<]*</source>)(<target>[^<]*</target>)?',
        ),
        `$1<segment state="${state}">$2<target>${text}</target>`,
      );
    };
    setSegment('title', 'Mini cours (brouillon)', 'initial');
    setSegment('modules.basics.title', 'Les bases (relues)', 'reviewed');
    setSegment('modules.basics.units.first-lesson.title', 'Leçon (finale)', 'final');
    importOk(course, xml);
    const status = new Map(statusOf(course, 'fr').fields.map((f) => [f.path, f.status]));
    expect(status.get('title')).toBe('stale');
    expect(status.get('modules.basics.title')).toBe('approved');
    expect(status.get('modules.basics.units.first-lesson.title')).toBe('approved');
  });

  it('PO: a fuzzy entry is taken in as a draft (stale), as XLIFF needs-review is', () => {
    const course = copyCourse(miniCourseDir);
    const data = gettextParser.po.parse(exportText(course, 'fr', 'po'));
    const title = Object.values(data.translations.title)[0];
    title.msgstr = ['Mini cours (à relire)'];
    title.comments = { ...title.comments, flag: 'fuzzy' };
    importOk(course, gettextParser.po.compile(data).toString('utf8'));
    expect(statusOf(course, 'fr').fields.find((f) => f.path === 'title')!.status).toBe('stale');
    expect(fs.readFileSync(path.join(course, 'locales/fr.yaml'), 'utf8')).toContain(
      'title: Mini cours (à relire)',
    );
  });

  it('PO cannot say approved: approved text sent back as is stays approved, YAML untouched', () => {
    const course = copyCourse(miniCourseDir);
    const model = readCourse(course).course!;
    // Approve the French the course has (as `polycourse l10n mark --approve` does).
    const texts = currentProvenance(model, 'fr', true, {});
    fs.writeFileSync(
      path.join(course, 'locales/fr.sources.json'),
      JSON.stringify({ format: 1, locale: 'fr', texts }),
    );
    const yamlBefore = fs.readFileSync(path.join(course, 'locales/fr.yaml'), 'utf8');
    const approvedBefore = statusOf(course, 'fr').counts.approved;
    expect(approvedBefore).toBeGreaterThan(0);
    importOk(course, exportText(course, 'fr', 'po'));
    expect(statusOf(course, 'fr').counts.approved).toBe(approvedBefore);
    expect(fs.readFileSync(path.join(course, 'locales/fr.yaml'), 'utf8')).toBe(yamlBefore);
  });
});

describe('captions in the exchange files', () => {
  const cue = 'modules.basics.units.intro-video.captions:1';
  const vtt = (course: string, locale: string) =>
    path.join(course, `media/captions/intro-video.${locale}.vtt`);

  it('each cue is a unit with its timing and reading length; import writes the WebVTT file', () => {
    const course = copyCourse(miniCourseDir);
    const xml = exportText(course, 'fr', 'xliff12');
    expect(xml).toMatch(
      new RegExp(
        `<trans-unit id="${cue.replace(/\./g, '\\.')}" xml:space="preserve" ` +
          'maxwidth="20" size-unit="char"><source>Hello and welcome.</source>',
      ),
    );
    expect(xml).toContain('Caption 1, shown 00:00:00.000 --&gt; 00:00:01.000.');
    const po = translatePo(exportText(course, 'fr', 'po'), (id, msgid) =>
      id === cue ? 'Bonjour & <bienvenue>.' : undefined,
    );
    importOk(course, po);
    expect(fs.readFileSync(vtt(course, 'fr'), 'utf8')).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nBonjour &amp; &lt;bienvenue&gt;.\n',
    );
    expect(statusOf(course, 'fr').fields.find((f) => f.path === cue.split(':')[0])!.status).toBe(
      'translated',
    );
    // The Arabic file the course has pairs with the English cue.
    expect(unitsOf(course, 'ar').find((u) => u.id === cue)).toMatchObject({
      target: 'مرحبا بكم.',
    });

    // The English cue changes: the French one is stale, with the English it was made from.
    editFile(vtt(course, 'en'), 'Hello and welcome.', 'Hello, and welcome.');
    expect(unitsOf(course, 'fr').find((u) => u.id === cue)).toMatchObject({
      state: 'stale',
      previousSource: 'Hello and welcome.',
      target: 'Bonjour & <bienvenue>.',
    });
  });

  it('re-timing the video keeps translations current; the build re-times them', async () => {
    const course = copyCourse(miniCourseDir);
    const po = translatePo(exportText(course, 'fr', 'po'), (id) =>
      id === cue ? 'Bonjour et <i>bienvenue</i>.' : undefined,
    );
    importOk(course, po);
    const field = cue.split(':')[0];
    const status = () => statusOf(course, 'fr').fields.find((f) => f.path === field)!.status;
    expect(status()).toBe('translated');
    // The author re-times the English captions (and gives the cue a position): nothing to
    // translate again.
    editFile(
      vtt(course, 'en'),
      '00:00:00.000 --> 00:00:01.000',
      '00:00:00.400 --> 00:00:01.800 line:90%',
    );
    expect(status()).toBe('translated');
    expect(unitsOf(course, 'fr').find((u) => u.id === cue)).toMatchObject({ state: 'translated' });
    // A record written before cue texts were fingerprinted (the whole file hashed) counts too,
    // through the source text it kept.
    const records = path.join(course, 'locales/fr.sources.json');
    const kept = JSON.parse(fs.readFileSync(records, 'utf8'));
    kept.texts[field].source = sourceHash(kept.texts[field].sourceText);
    fs.writeFileSync(records, JSON.stringify(kept));
    expect(status()).toBe('translated');
    const out = tempDir();
    expect((await buildCourse({ courseDir: course, outDir: out, locales: ['fr'] })).ok).toBe(true);
    const captions = path.join(out, 'mini/fr/_assets/captions');
    const french = fs
      .readdirSync(captions)
      .filter((f) => f.startsWith('intro-video.fr-') && f.endsWith('.vtt'))
      .map((f) => fs.readFileSync(path.join(captions, f), 'utf8'));
    expect(french).toEqual([
      // (markup the source does not have is text: escaped at import)
      'WEBVTT\n\n00:00:00.400 --> 00:00:01.800 line:90%\n' +
        'Bonjour et &lt;i&gt;bienvenue&lt;/i&gt;.\n',
    ]);
    // The text changes: stale, as before.
    editFile(vtt(course, 'en'), 'Hello and welcome.', 'Hello, and welcome.');
    expect(status()).toBe('stale');
  });

  it('a translation cannot add cues, change timings or break the file', () => {
    const course = copyCourse(miniCourseDir);
    const po = translatePo(exportText(course, 'fr', 'po'), (id) =>
      id === cue
        ? 'Bonjour\n\n00:00:05.000 --> 00:00:09.000\n<script>Injected</script>'
        : undefined,
    );
    importOk(course, po);
    const text = fs.readFileSync(vtt(course, 'fr'), 'utf8');
    expect(text).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nBonjour\n00:00:05.000 --&gt; 00:00:09.000\n' +
        '&lt;script&gt;Injected&lt;/script&gt;\n',
    );
    expect(segmentVtt(text).map((c) => c.timing)).toEqual(['00:00:00.000 --> 00:00:01.000']);
    expect(rebuildVtt(text, [], []).errors).toEqual([]);
  });
});

describe('the locale YAML after an import', () => {
  it('changes the values that changed, where they stand, and no other byte', () => {
    const course = copyCourse(miniCourseDir);
    const file = path.join(course, 'locales/ar.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const po = translatePo(exportText(course, 'ar', 'po'), (id) =>
      id === 'questionnaire.scale.1'
        ? 'لست متأكدًا, ربما'
        : id === 'title'
          ? 'دورة: مصغرة'
          : undefined,
    );
    importOk(course, po);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      before
        .replace('title: دورة مصغرة', 'title: "دورة: مصغرة"')
        .replace(
          'scale: [لا أوافق, غير متأكد, أوافق]',
          'scale: [لا أوافق, "لست متأكدًا, ربما", أوافق]',
        ),
    );
    expect(readCourse(course).course!.questionnaire!.scaleLabels[1].ar).toBe('لست متأكدًا, ربما');
  });
});
