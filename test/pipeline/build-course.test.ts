/**
 * The whole build on the small fixture course: output layout, manifest, atomicity, incremental
 * rebuilds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { verifyBundle } from '../../compiler/targets/static-bundle/verify-bundle.ts';
import type { BundleManifest } from '../../compiler/targets/static-bundle/manifest.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';

describe('buildCourse on the mini course', () => {
  it(
    'writes one bundle per locale with lang/dir, ' + 'relative links and a manifest that verifies',
    async () => {
      const out = tempDir();
      const result = await buildCourse({ courseDir: miniCourseDir, outDir: out });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.ok).toBe(true);
      const bundle = path.join(out, 'mini');
      for (const locale of ['en', 'ar', 'fr']) {
        for (const page of [
          'index.html',
          'basics/index.html',
          'basics/first-lesson/index.html',
          'basics/basics-quiz/index.html',
          'glossary/index.html',
          'questionnaire/pre/index.html',
          '404.html',
        ]) {
          expect(fs.existsSync(path.join(bundle, locale, page)), `${locale}/${page}`).toBe(true);
        }
      }
      const ar = fs.readFileSync(path.join(bundle, 'ar/basics/first-lesson/index.html'), 'utf8');
      expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
      const en = fs.readFileSync(path.join(bundle, 'en/basics/first-lesson/index.html'), 'utf8');
      expect(en).toMatch(/<html lang="en" dir="ltr">/);
      // Every href and src is relative: the folder works from any path and from file://.
      for (const [, url] of en.matchAll(/(?:href|src)="([^"]+)"/g)) expect(url).not.toMatch(/^\//);
      // The language picker links the same page in the other locales.
      expect(en).toContain('href="../../../ar/basics/first-lesson/index.html"');
      // Images: AVIF + WebP sources, a fallback with width/height and lazy loading.
      expect(en).toMatch(
        new RegExp(
          '<source type="image\\/avif" ' +
            'srcset="\\.\\.\\/\\.\\.\\/_assets\\/media\\/diagram-[0-9a-f]{8}' +
            '-480\\.avif 480w',
        ),
      );
      expect(en).toMatch(
        new RegExp(
          '<img src="\\.\\.\\/\\.\\.\\/_assets\\/media\\/diagram-[0-9a-f]{8}' +
            '-640\\.png" alt="A simple diagram" ' +
            'width="640" height="400" loading="lazy" decoding="async">',
        ),
      );

      const manifest = JSON.parse(
        fs.readFileSync(path.join(bundle, 'manifest.json'), 'utf8'),
      ) as BundleManifest;
      expect(manifest.locales).toEqual(['en', 'ar', 'fr']);
      expect(manifest.files.find((f) => f.path === 'en/index.html')?.sha256).toMatch(
        /^[0-9a-f]{64}$/,
      );
      expect(manifest.coverage.fr.ratio).toBeLessThan(0.5);
      expect(verifyBundle(bundle)).toMatchObject({ ok: true, diagnostics: [] });

      fs.appendFileSync(path.join(bundle, 'en/index.html'), '<!-- tampered -->');
      fs.writeFileSync(path.join(bundle, 'en/extra.html'), 'x');
      const verified = verifyBundle(bundle);
      expect(verified.ok).toBe(false);
      expect(
        verified.diagnostics
          .map(
            (d) => `${path.basename(path.dirname(d.file!))}/${path.basename(d.file!)} ${d.ruleId}`,
          )
          .sort(),
      ).toEqual([
        'en/extra.html polycourse:bundle-unexpected',
        'en/index.html polycourse:bundle-size',
      ]);
      for (const d of verified.diagnostics)
        expect(d).toMatchObject({ severity: 'error', fix: expect.any(String) });
    },
  );

  it('marks fallback text with lang and a visible note, and reports it', async () => {
    const out = tempDir();
    const result = await buildCourse({ courseDir: miniCourseDir, outDir: out, locales: ['fr'] });
    expect(result.ok).toBe(true);
    const page = fs.readFileSync(path.join(out, 'mini/fr/basics/second-lesson/index.html'), 'utf8');
    expect(page).toContain(
      '<h1><span class="fallback" lang="en" dir="ltr">Second lesson</span></h1>',
    );
    expect(page).toContain('class="fallback-note"');
    expect(page).toMatch(/<div class="body fallback" lang="en" dir="ltr">/);
    const translated = fs.readFileSync(path.join(out, 'mini/fr/basics/index.html'), 'utf8');
    expect(translated).toContain('<h1>Les bases</h1>');
    const chart = fs.readFileSync(path.join(out, 'mini/translation-report.html'), 'utf8');
    expect(chart).toMatch(/<svg[^>]*role="img"/);
    expect(chart).toContain('<code>modules.basics.units.second-lesson.title</code>');
    const report = result.diagnostics.find((d) => d.ruleId === 'polycourse:fallback');
    expect(report?.message).toMatch(/^fr: \d+ of \d+ texts are not translated and fall back to en/);
  });

  it('re-renders only the pages that depend on a changed lesson', async () => {
    const course = copyCourse(miniCourseDir);
    const out = tempDir();
    const first = await buildCourse({ courseDir: course, outDir: out });
    expect(first.rendered).toBe(first.pages);
    const again = await buildCourse({ courseDir: course, outDir: out });
    expect(again.rendered).toBe(0);
    fs.appendFileSync(
      path.join(course, 'modules/basics/first-lesson.en.mdx'),
      '\nA new sentence for the rebuild.\n',
    );
    const edited = await buildCourse({ courseDir: course, outDir: out });
    // en has its own body; fr falls back to the en body; ar has its own body and is untouched.
    expect(edited.rendered).toBe(2);
    expect(
      fs.readFileSync(path.join(out, 'mini/en/basics/first-lesson/index.html'), 'utf8'),
    ).toContain('A new sentence for the rebuild.');
    expect(verifyBundle(path.join(out, 'mini')).ok).toBe(true);
  });

  it(
    'does not launder tampering: a page or asset edited ' +
      'in place is rebuilt, not carried into the new manifest',
    async () => {
      const course = copyCourse(miniCourseDir);
      const out = tempDir();
      await buildCourse({ courseDir: course, outDir: out });
      const page = path.join(out, 'mini/fr/basics/first-lesson/index.html');
      const original = fs.readFileSync(page, 'utf8');
      fs.writeFileSync(page, original.replace('</body>', '<script>steal()</script></body>'));
      const manifest = JSON.parse(
        fs.readFileSync(path.join(out, 'mini/manifest.json'), 'utf8'),
      ) as BundleManifest;
      const video = manifest.files.find(
        (f) => f.path.startsWith('ar/_assets/media/') && f.path.endsWith('.mp4'),
      )!;
      fs.appendFileSync(path.join(out, 'mini', video.path), 'tampered');
      expect(verifyBundle(path.join(out, 'mini')).ok).toBe(false);

      const again = await buildCourse({ courseDir: course, outDir: out });
      expect(again.rendered).toBe(1);
      expect(fs.readFileSync(page, 'utf8')).toBe(original);
      expect(fs.statSync(path.join(out, 'mini', video.path)).size).toBe(video.size);
      expect(verifyBundle(path.join(out, 'mini'))).toMatchObject({ ok: true, diagnostics: [] });
      // The course's own media is untouched by anything done to the output (copies, not links).
      expect(
        fs
          .readFileSync(path.join(course, 'media/clip.mp4'))
          .equals(fs.readFileSync(path.join(miniCourseDir, 'media/clip.mp4'))),
      ).toBe(true);
    },
  );

  it(
    'leaves the previous output untouched when a ' +
      'build fails, and lists every problem in one run',
    async () => {
      const course = copyCourse(miniCourseDir);
      const out = tempDir();
      expect((await buildCourse({ courseDir: course, outDir: out })).ok).toBe(true);
      const before = fs.readFileSync(path.join(out, 'mini/manifest.json'), 'utf8');
      fs.writeFileSync(
        path.join(course, 'modules/basics/second-lesson.en.mdx'),
        'Hello {name}\n\n<script>alert(1)</script>\n',
      );
      editFile(
        path.join(course, 'modules/basics/first-lesson.ar.mdx'),
        'alt="رسم بياني بسيط"',
        'alt=""',
      );
      const failed = await buildCourse({ courseDir: course, outDir: out });
      expect(failed.ok).toBe(false);
      const errors = failed.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => `${path.basename(d.file ?? '')}:${d.line}:${d.column} ${d.ruleId}`);
      expect(errors).toEqual(
        expect.arrayContaining([
          'second-lesson.en.mdx:1:7 polycourse:mdx-expression',
          'second-lesson.en.mdx:3:1 polycourse:forbidden-element',
          'first-lesson.ar.mdx:5:1 polycourse:missing-alt',
        ]),
      );
      expect(fs.readFileSync(path.join(out, 'mini/manifest.json'), 'utf8')).toBe(before);
      expect(fs.readdirSync(out).filter((f) => f.includes('staging'))).toEqual([]);
      expect(verifyBundle(path.join(out, 'mini')).ok).toBe(true);
    },
  );

  it(
    'names its address for search engines only when given one: canonical and hreflang ' +
      'absolute; a description and an icon on every page',
    async () => {
      const head = (out: string, page: string) =>
        fs.readFileSync(path.join(out, 'mini', page), 'utf8').split('</head>')[0];
      const plain = tempDir();
      expect((await buildCourse({ courseDir: miniCourseDir, outDir: plain })).ok).toBe(true);
      const lesson = 'en/basics/first-lesson/index.html';
      // Relative hreflang alternates are invalid for search engines: none without an address.
      expect(head(plain, lesson)).not.toMatch(/rel="(alternate|canonical)"/);
      expect(head(plain, lesson)).toMatch(/<meta name="description" content="[^"]+">/);
      expect(head(plain, lesson)).toContain('<link rel="icon" type="image/svg+xml" href="data:');
      expect(head(plain, 'index.html')).toContain('<link rel="icon"');
      expect(head(plain, 'index.html')).toMatch(/<meta name="description" content="[^"]+">/);

      const served = tempDir();
      const base = 'https://learn.example.org/courses/mini/';
      expect(
        (await buildCourse({ courseDir: miniCourseDir, outDir: served, baseUrl: base })).ok,
      ).toBe(true);
      const links = [...head(served, lesson).matchAll(/<link rel="(canonical|alternate)"[^>]*>/g)];
      expect(links.map((m) => m[0])).toEqual([
        `<link rel="canonical" href="${base}en/basics/first-lesson/">`,
        `<link rel="alternate" hreflang="ar" href="${base}ar/basics/first-lesson/">`,
        `<link rel="alternate" hreflang="fr" href="${base}fr/basics/first-lesson/">`,
      ]);
      expect(head(served, 'ar/index.html')).toContain(`<link rel="canonical" href="${base}ar/">`);
    },
  );

  it('takes separators from the catalogs: French puts a narrow space before a colon', async () => {
    const out = tempDir();
    expect((await buildCourse({ courseDir: miniCourseDir, outDir: out })).ok).toBe(true);
    const page = (locale: string) =>
      fs.readFileSync(path.join(out, 'mini', locale, 'basics/first-lesson/index.html'), 'utf8');
    expect(page('fr')).toMatch(/<summary><span>[^<]+<\/span>\u202f: <span lang="fr">/);
    expect(page('en')).toMatch(/<summary><span>Language<\/span>: <span lang="en">English/);
    expect(page('en')).toContain('<title>First lesson · Mini course</title>');
  });

  it('switches theme from the course file: another stylesheet, the same pages', async () => {
    const course = copyCourse(miniCourseDir);
    editFile(path.join(course, 'course.yaml'), 'theme: default', 'theme: high-contrast');
    const out = tempDir();
    const result = await buildCourse({ courseDir: course, outDir: out, locales: ['en'] });
    expect(result.ok).toBe(true);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(out, 'mini/manifest.json'), 'utf8'),
    ) as BundleManifest;
    expect(manifest.theme).toBe('high-contrast');
    const cssFile = manifest.files.find((f) =>
      /^en\/_assets\/theme-[0-9a-f]{8}\.css$/.test(f.path),
    )!;
    const css = fs.readFileSync(path.join(out, 'mini', cssFile.path), 'utf8');
    expect(css).toContain('--bg: #000');
    // the parent's rules first
    expect(css.indexOf('--bg: #ffffff')).toBeLessThan(css.indexOf('--bg: #000'));
    const defaultOut = tempDir();
    await buildCourse({ courseDir: miniCourseDir, outDir: defaultOut, locales: ['en'] });
    const strip = (html: string) => html.replace(/theme-[0-9a-f]{8}\.css/, '');
    const page = 'mini/en/basics/first-lesson/index.html';
    expect(strip(fs.readFileSync(path.join(out, page), 'utf8'))).toBe(
      strip(fs.readFileSync(path.join(defaultOut, page), 'utf8')),
    );
  });

  it(
    'links the pages in reading order: ' + 'pre-questionnaire, units, post-questionnaire, results',
    async () => {
      const out = tempDir();
      expect(
        (await buildCourse({ courseDir: miniCourseDir, outDir: out, locales: ['en'] })).ok,
      ).toBe(true);
      const read = (p: string) => fs.readFileSync(path.join(out, 'mini/en', p), 'utf8');
      expect(read('questionnaire/pre/index.html')).toContain(
        '<a class="pager-next" href="../../basics/first-lesson/index.html" rel="next">',
      );
      expect(read('basics/first-lesson/index.html')).toContain(
        '<a class="pager-previous" href="../../questionnaire/pre/index.html" rel="prev">',
      );
      expect(read('basics/basics-challenge/index.html')).toContain(
        '<a class="pager-next" href="../../questionnaire/post/index.html" rel="next">',
      );
      expect(read('questionnaire/post/index.html')).toContain(
        '<a class="pager-next" href="../../questionnaire/results/index.html" rel="next">',
      );
    },
  );

  it('plays a video from an external URL, with local captions and the transcript', async () => {
    const course = copyCourse(miniCourseDir);
    editFile(
      path.join(course, 'course.yaml'),
      'src: media/clip.mp4',
      'src: https://media.example.org/intro.webm',
    );
    const out = tempDir();
    expect((await buildCourse({ courseDir: course, outDir: out, locales: ['en'] })).ok).toBe(true);
    const page = fs.readFileSync(path.join(out, 'mini/en/basics/intro-video/index.html'), 'utf8');
    expect(page).toContain('<source src="https://media.example.org/intro.webm" type="video/webm">');
    expect(page).toMatch(
      new RegExp(
        '<track kind="captions" ' +
          'src="\\.\\.\\/\\.\\.\\/_assets\\/captions\\/intro-video\\.en-[0-9a-f]{8}' +
          '\\.vtt" srclang="en" label="English" default>',
      ),
    );
    expect(page).toContain('Hello and welcome.');
  });
});

describe('rendering on worker threads', () => {
  const manifest = (dir: string) =>
    JSON.parse(fs.readFileSync(path.join(dir, 'mini/manifest.json'), 'utf8')).files;
  // A worker is sent the course without its body texts; each job brings its page's bodies (its
  // locale's, or the source locale's where a translation is missing, as the mini course's is).
  it.each([
    ['the main thread renders until a worker is ready', {}],
    ['every page comes from a worker', { POLYCOURSE_MAIN_THREAD_STARTS: '0' }],
  ])(
    'gives the same bundle as one thread: %s',
    async (_, env: Record<string, string>) => {
      const [one, two] = [tempDir(), tempDir()];
      expect((await buildCourse({ courseDir: miniCourseDir, outDir: one, threads: 1 })).ok).toBe(
        true,
      );
      Object.assign(process.env, { POLYCOURSE_WORKER_THRESHOLD: '0', ...env });
      try {
        const result = await buildCourse({ courseDir: miniCourseDir, outDir: two, threads: 2 });
        expect(result.ok).toBe(true);
        expect(result.rendered).toBe(45);
      } finally {
        delete process.env.POLYCOURSE_WORKER_THRESHOLD;
        delete process.env.POLYCOURSE_MAIN_THREAD_STARTS;
      }
      expect(manifest(two)).toEqual(manifest(one));
    },
    60_000,
  );
});

describe('adding a locale', () => {
  it(
    'is configuration plus translations: ' + 'Persian (a second RTL script) builds with dir=rtl',
    async () => {
      const course = copyCourse(miniCourseDir);
      editFile(
        path.join(course, 'course.yaml'),
        'locales: [en, ar, fr]',
        'locales: [en, ar, fr, fa]',
      );
      fs.writeFileSync(
        path.join(course, 'locales/fa.yaml'),
        'title: دوره کوچک\nmodules:\n  basics:\n    title: مبانی\n',
      );
      const out = tempDir();
      const result = await buildCourse({ courseDir: course, outDir: out, locales: ['fa'] });
      expect(result.ok).toBe(true);
      const home = fs.readFileSync(path.join(out, 'mini/fa/index.html'), 'utf8');
      expect(home).toMatch(/<html lang="fa" dir="rtl">/);
      expect(home).toContain('<h1>دوره کوچک</h1>');
      // No Persian UI catalog yet: the build says which strings fall back, and where to add them.
      expect(
        result.diagnostics.find((d) => d.ruleId === 'polycourse:ui-string-missing')?.message,
      ).toMatch(/UI string\(s\) missing in "fa"/);
      expect(result.coverage.fa.translated).toBe(2);
      // Those strings keep their language and direction in the page (screen readers, bidi).
      expect(home).toContain(
        '<a class="skip-link" href="#main"><span lang="en" dir="ltr">Skip to content</span></a>',
      );
      // Where markup cannot go (attributes, the title, scripts), nothing is left of the marks.
      for (const file of fs.readdirSync(path.join(out, 'mini'), { recursive: true }) as string[]) {
        const full = path.join(out, 'mini', file);
        if (fs.statSync(full).isFile() && /\.(html|js|json)$/.test(file))
          expect(fs.readFileSync(full, 'utf8'), file).not.toMatch(/[\uE002\uE003]/);
      }
      expect(home).not.toMatch(/<title>[^<]*<span/);
    },
  );

  it('accepts any BCP 47 tag, deriving direction and label (pt-BR, ur)', async () => {
    const course = copyCourse(miniCourseDir);
    editFile(
      path.join(course, 'course.yaml'),
      'locales: [en, ar, fr]',
      'locales: [en, ar, fr, pt-BR, ur]',
    );
    const out = tempDir();
    const result = await buildCourse({ courseDir: course, outDir: out, locales: ['pt-BR', 'ur'] });
    expect(result.ok).toBe(true);
    expect(fs.readFileSync(path.join(out, 'mini/ur/index.html'), 'utf8')).toMatch(
      /<html lang="ur" dir="rtl">/,
    );
    expect(fs.readFileSync(path.join(out, 'mini/pt-BR/index.html'), 'utf8')).toMatch(
      /<html lang="pt-BR" dir="ltr">/,
    );
  });
});
