/**
 * buildCourse: course folder → `<out>/<course-id>/<locale>/…` static bundles + manifest.json.
 * Reads and validates everything first, renders every page (reusing unchanged pages from the previous
 * build), and only then swaps the new output in. Any error: nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { createDirMaker, renderPages, type RenderJob, type RenderSetup } from './render-pages.ts';
import { pickText, type Course } from '../model/course.ts';
import { hasErrors, type Diagnostic } from '../model/diagnostic.ts';
import { validateCourse } from '../model/validate-course.ts';
import { translationCoverage, type LocaleCoverage } from '../model/coverage.ts';
import { localeInfo } from '../model/locales.ts';
import { stripBidiOverrides } from '../model/invisible-characters.ts';
import { readCourse, type SourceResult } from '../sources/read-course.ts';
import { loadTheme } from '../render/load-theme.ts';
import { loadUiCatalogs } from '../i18n/ui-catalog.ts';
import { planPages, type PageSpec } from '../render/plan-pages.ts';
import { collectMediaAssets } from '../render/media-assets.ts';
import { renderLanguageChooser } from '../render/render-language-chooser.ts';
import { processCourseImages } from '../images/process-course-images.ts';
import { stageBundle } from '../targets/write-bundle-atomically.ts';
import { writeManifest, type BundleManifest } from '../targets/manifest.ts';
import { sha256 } from '../model/fingerprint.ts';
import { pseudoLocale, withPseudoLocale } from '../l10n/pseudo-locale.ts';
import { translationStatus } from '../l10n/translation-status.ts';
import { renderTranslationReport } from '../targets/translation-report.ts';
import { interactiveRuntime, localeRuntime, serviceWorkerSource } from './bundle-runtime.ts';
import { compilerVersion } from './compiler-version.ts';

export interface BuildOptions {
  courseDir: string;
  outDir: string;
  /** Build only these locales (default: all of the course's). */
  locales?: string[];
  /** Override the course's theme. */
  theme?: string;
  /** Incremental cache (default: <outDir>/.cache). */
  cacheDir?: string;
  onProgress?(done: number, total: number, label: string): void;
  /** Render threads (default: one per core; POLYCOURSE_THREADS overrides). */
  threads?: number;
  /** Also build the pseudo-locale en-XA (accented, longer, bidi-wrapped) to find hard-coded text. */
  pseudo?: boolean;
  /** Publish only the locales a reviewer approved completely (and the source locale). */
  approvedOnly?: boolean;
  /** A course already read by another source (e.g. the CMS); default: read `courseDir`. */
  source?: SourceResult;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  courseId?: string;
  /** `<outDir>/<course-id>` when the build was written. */
  outputDir?: string;
  locales: string[];
  pages: number;
  /** pages rendered in this run (the rest were reused from the previous build) */
  rendered: number;
  coverage: Record<string, LocaleCoverage>;
  durationMs: number;
}

interface PageState { key: string; warnings: Diagnostic[] }

/** Validate a course without writing anything: the same checks as a build, bodies included. */
export async function validateCourseDir(courseDir: string, options: Pick<BuildOptions, 'theme' | 'locales'> = {}): Promise<BuildResult> {
  return runBuild({ courseDir, outDir: '', ...options }, false);
}

export async function buildCourse(options: BuildOptions): Promise<BuildResult> {
  return runBuild(options, true);
}

async function runBuild(options: BuildOptions, write: boolean): Promise<BuildResult> {
  const started = performance.now();
  const diagnostics: Diagnostic[] = [];
  const fail = (course?: Course): BuildResult => ({
    ok: false, diagnostics, courseId: course?.id, locales: [], pages: 0, rendered: 0, coverage: {}, durationMs: performance.now() - started,
  });

  const source = options.source ?? readCourse(options.courseDir);
  diagnostics.push(...source.diagnostics);
  const course = source.course && options.pseudo ? withPseudoLocale(source.course) : source.course;
  if (!course) return fail();
  for (const d of validateCourse(course)) diagnostics.push(d.path ? { ...d, ...source.locate(d.path) } : d);

  let locales = options.locales?.length ? [...options.locales, ...(options.pseudo ? [pseudoLocale] : [])] : course.locales;
  if (options.approvedOnly) {
    // Per-locale publishing: a locale goes out when every text is approved; the others wait (and say why).
    const status = translationStatus(course, locales);
    const ready = locales.filter((l) => l === course.sourceLocale || status[l].counts.approved === status[l].total);
    for (const l of locales.filter((x) => !ready.includes(x))) {
      const c = status[l].counts;
      diagnostics.push({ severity: 'warning', ruleId: 'polycourse:not-published', path: `locales.${l}`, message: `${l} is not published: ${c.approved} of ${status[l].total} texts approved (${c.missing} missing, ${c.stale} stale, ${c.translated} awaiting review)`, fix: `Review it, then: polycourse l10n mark <course> --locale ${l} --approve` });
    }
    locales = ready;
  }
  for (const l of locales) {
    if (!course.locales.includes(l)) {
      diagnostics.push({ severity: 'error', ruleId: 'polycourse:unknown-locale', path: 'locales', message: `--locale ${l}: the course has no locale "${l}"`, fix: `Use one of: ${course.locales.join(', ')}, or add "${l}" to locales in course.yaml.` });
    }
  }
  const themed = await loadTheme(options.theme ?? course.theme);
  diagnostics.push(...themed.diagnostics.map((d) => (d.path === 'theme' ? { ...d, ...source.locate('theme') } : d)));
  const theme = themed.theme;
  if (!theme || hasErrors(diagnostics)) return fail(course);
  const catalogs = loadUiCatalogs(theme.localesDirs, locales, course.sourceLocale);

  const cacheDir = options.cacheDir ?? path.join(options.outDir || '.', '.cache');
  const images = await processCourseImages(course, cacheDir, options.onProgress);
  diagnostics.push(...images.diagnostics);
  if (hasErrors(diagnostics)) return fail(course);
  const media = collectMediaAssets(course, images.images);

  const specs = planPages(course);
  const total = specs.length * locales.length;
  const destination = path.join(options.outDir, course.id);
  const stateFile = path.join(cacheDir, course.id, 'pages.json');
  const previousState: Record<string, PageState> = write ? readJson(stateFile) ?? {} : {};
  const nextState: Record<string, PageState> = {};
  const skeleton = sha256(compilerVersion(), theme.hash, locales.join(','), JSON.stringify(course, (k, v) => (k === 'body' ? undefined : v)), JSON.stringify([...media.files]), JSON.stringify([...media.images.values()].map((image) => image.fallback.path).sort()));

  const staging = write ? stageBundle(destination) : undefined;
  let done = 0;
  let rendered = 0;
  try {
    const stylesheets: Record<string, string> = {};
    const runtimes: Record<string, string> = {};
    const interactiveCode = await interactiveRuntime();
    const interactive = `_assets/interactive-${sha256(interactiveCode).slice(0, 8)}.js`;
    const jobs: RenderJob[] = [];
    const keys = new Map<string, string>();
    for (const locale of locales) {
      const css = `${theme.css}\n:root { --font-body: ${localeInfo(locale).fonts}; }\n`;
      stylesheets[locale] = `_assets/theme-${sha256(css).slice(0, 8)}.css`;
      const runtime = await localeRuntime(course, locale, catalogs.messagesFor(locale));
      runtimes[locale] = `_assets/runtime-${sha256(runtime).slice(0, 8)}.js`;
      if (staging) {
        // Unchanged files are reused from the previous output (moved over on commit), not written again.
        staging.writeFile(`${locale}/${stylesheets[locale]}`, css);
        staging.writeFile(`${locale}/${runtimes[locale]}`, runtime);
        staging.writeFile(`${locale}/${interactive}`, interactiveCode);
        for (const asset of media.assets) staging.copyFile(`${locale}/${asset.bundlePath}`, asset.from);
      }
      for (const [page, spec] of specs.entries()) {
        const stateKey = `${locale}/${spec.path}`;
        const key = sha256(skeleton, locale, stylesheets[locale], runtimes[locale], interactive, pageInput(course, spec, locale));
        const cached = previousState[stateKey];
        if (staging && cached?.key === key && staging.reuse(stateKey)) {
          diagnostics.push(...cached.warnings);
          nextState[stateKey] = cached;
          options.onProgress?.(++done, total, stateKey);
        } else {
          keys.set(stateKey, key);
          jobs.push({ locale, page, write: !!staging });
        }
      }
    }
    const setup: RenderSetup = { course, locales, themeName: theme.name, media, stylesheets, runtimes, interactive, stagingDir: staging?.dir ?? '' };
    await renderPages(setup, jobs, ({ job, diagnostics: pageDiagnostics }) => {
      const stateKey = `${job.locale}/${specs[job.page].path}`;
      diagnostics.push(...pageDiagnostics);
      rendered++;
      if (!hasErrors(pageDiagnostics)) nextState[stateKey] = { key: keys.get(stateKey)!, warnings: pageDiagnostics };
      options.onProgress?.(++done, total, stateKey);
    }, options.threads);
    diagnostics.push(...catalogs.diagnostics);
    const coverage = translationCoverage(course, locales);
    for (const [locale, c] of Object.entries(coverage)) {
      if (c.translated < c.total) {
        diagnostics.push({
          severity: 'warning', ruleId: 'polycourse:fallback', path: `locales.${locale}`,
          message: `${locale}: ${c.total - c.translated} of ${c.total} texts are not translated and fall back to ${course.sourceLocale} (e.g. ${c.missing.slice(0, 3).join(', ')})`,
          fix: `Translate them in locales/${locale}.yaml and modules/*/*.${locale}.mdx.`,
        });
      }
    }
    for (const [locale, status] of Object.entries(translationStatus(course, locales))) {
      if (!status.counts.stale) continue;
      const examples = status.fields.filter((f) => f.status === 'stale').slice(0, 3).map((f) => f.path);
      diagnostics.push({
        severity: 'warning', ruleId: 'polycourse:stale', path: `locales.${locale}`,
        message: `${locale}: ${status.counts.stale} translation(s) were made from an older source text (e.g. ${examples.join(', ')})`,
        fix: `Update them, then record it: polycourse l10n mark <course> --locale ${locale}`,
      });
    }
    const result: BuildResult = {
      ok: !hasErrors(diagnostics), diagnostics: dedupe(diagnostics), courseId: course.id, locales, pages: total, rendered, coverage,
      durationMs: 0,
    };
    if (!staging || !result.ok) {
      staging?.abandon();
      return { ...result, durationMs: performance.now() - started };
    }
    staging.writeFile('index.html', toHtml(renderLanguageChooser(course, locales, catalogs.forLocale)));
    staging.writeFile('translation-report.html', toHtml(renderTranslationReport(stripBidiOverrides(pickText(course.title, course.sourceLocale, course.sourceLocale).value), course.sourceLocale, coverage)));
    const hashes = staging.files();
    for (const locale of locales) {
      const ofLocale = new Map([...hashes.values()].filter((f) => f.path.startsWith(`${locale}/`)).map((f) => [f.path.slice(locale.length + 1), f.sha256]));
      const sw = Buffer.from(await serviceWorkerSource(course.id, locale, ofLocale));
      staging.writeFile(`${locale}/sw.js`, sw);
      hashes.set(`${locale}/sw.js`, { path: `${locale}/sw.js`, size: sw.length, sha256: sha256(sw) });
    }
    const manifest: Omit<BundleManifest, 'files'> = {
      format: 'polycourse-bundle/1', course: course.id, compiler: compilerVersion(), theme: theme.name,
      sourceLocale: course.sourceLocale, locales, inputsHash: source.inputsHash(), coverage,
    };
    writeManifest(staging.dir, manifest, hashes);
    staging.commit();
    writeFile(stateFile, JSON.stringify(nextState));
    return { ...result, outputDir: destination, durationMs: performance.now() - started };
  } catch (error) {
    staging?.abandon();
    throw error;
  }
}

/** What, besides the course skeleton, a page depends on: a lesson's own body text. */
function pageInput(course: Course, spec: PageSpec, locale: string): string {
  if (spec.kind !== 'unit' || (spec.unit.kind !== 'lesson' && spec.unit.kind !== 'infosheet')) return spec.path;
  const own = spec.unit.body[locale];
  const fallback = spec.unit.body[course.sourceLocale];
  return `${spec.path}\n${own?.file ?? ''}\n${own?.text ?? fallback?.text ?? ''}`;
}

function writeFile(file: string, content: string, mkdir = createDirMaker()) {
  mkdir(path.dirname(file));
  fs.writeFileSync(file, content);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const k = JSON.stringify(d);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
