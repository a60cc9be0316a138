/**
 * Course model + a page spec → the PageView a theme renders (texts picked per locale, links
 * relative).
 */
import type { Root } from 'hast';
import { findUnit, pickText, type Course, type Localized, type Unit } from '../model/course.ts';
import { resolveMediaKey } from '../mdx/resolve-media-key.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { localeInfo, type LocaleInfo } from '../model/locales.ts';
import { stripBidiOverrides } from '../model/invisible-characters.ts';
import type { Translate } from '../ui-strings/ui-catalog.ts';
import { renderBody } from '../mdx/render-body.ts';
import type { MediaAssets } from './media-assets.ts';
import { pagePaths, relativeRoot, type PageSpec } from '../model/plan-pages.ts';
import type {
  NavModule,
  PageContent,
  PageLink,
  PageView,
  QuestionView,
  ShownText,
} from './page-view.ts';
import { sha256 } from '../model/fingerprint.ts';

export interface LocaleContext {
  course: Course;
  locale: string;
  /** Locales in this build (for the language picker). */
  locales: string[];
  t: Translate;
  media: MediaAssets;
  /** Stylesheet path inside the locale folder. */
  stylesheet: string;
  /** Runtime script path inside the locale folder (none: pages without JavaScript). */
  runtime?: string;
  /** The interactive part of the runtime, for pages with quizzes, challenges, videos, forms. */
  interactive?: string;
  /** A preview of drafts: a banner, no service worker, progress kept for the tab only. */
  preview?: boolean;
  /** Where the course's folder is served, ending in `/` (BuildOptions.baseUrl). */
  baseUrl?: string;
  /** The course home offers the learner account (BuildOptions.learnerServices). */
  learnerAccount?: boolean;
}

const videoTypes: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.m4v': 'video/mp4',
};

/** Build the view of one page; body problems come back as diagnostics. */
export async function buildPageView(
  ctx: LocaleContext,
  spec: PageSpec,
): Promise<{ view: PageView; diagnostics: Diagnostic[] }> {
  const { course, locale, t } = ctx;
  const info = localeInfo(locale);
  const source = localeInfo(course.sourceLocale);
  const toRoot = relativeRoot(spec.path);
  const href = (target: string) => toRoot + target;
  let hasFallback = false;
  // Bidi overrides are stripped (validateCourse warns about them): a title must not reorder the
  // page around it.
  const shown = (text: Localized | undefined): ShownText => {
    const picked = pickText(text ?? {}, locale, course.sourceLocale);
    const value = stripBidiOverrides(picked.value);
    if (!picked.fallback) return { value };
    hasFallback = true;
    return { value, lang: source.code, dir: source.dir };
  };
  const currentModuleId =
    spec.kind === 'module' || spec.kind === 'unit' ? spec.module.id : undefined;
  const unitHref = (ref: string) => {
    const found = findUnit(course, ref, currentModuleId);
    return found ? href(pagePaths.unit(found.module.id, found.unit.id)) : undefined;
  };
  const diagnostics: Diagnostic[] = [];

  const title = pageTitle();
  const nav: NavModule[] = course.modules.map((m) => ({
    id: m.id,
    title: shown(m.title),
    href: href(pagePaths.module(m.id)),
    current: m.id === currentModuleId,
    units:
      m.id === currentModuleId
        ? m.units.map((u) => ({
            id: u.id,
            key: `${m.id}/${u.id}`,
            kind: u.kind,
            title: shown(u.title),
            href: href(pagePaths.unit(m.id, u.id)),
            current: spec.kind === 'unit' && spec.unit.id === u.id,
          }))
        : [],
  }));
  const breadcrumbs: PageLink[] =
    spec.kind === 'home' || spec.kind === 'not-found'
      ? []
      : [{ href: href(pagePaths.home), title: { value: t('nav.home') } }];
  if (spec.kind === 'unit')
    breadcrumbs.push({
      href: href(pagePaths.module(spec.module.id)),
      title: shown(spec.module.title),
    });

  const { previous, next } = neighbours();
  const content = await pageContent();

  const view: PageView = {
    locale: info,
    sourceLocale: source,
    toRoot,
    title,
    courseTitle: shown(course.title),
    homeHref: href(pagePaths.home),
    badgesHref: href(pagePaths.badges),
    stylesheet: href(ctx.stylesheet),
    runtime: ctx.runtime && href(ctx.runtime),
    interactiveRuntime:
      ctx.runtime && ctx.interactive && needsInteractive(spec) ? href(ctx.interactive) : undefined,
    serviceWorker: ctx.runtime && !ctx.preview ? href('sw.js') : undefined,
    preview: ctx.preview,
    unitKey: spec.kind === 'unit' ? `${spec.module.id}/${spec.unit.id}` : undefined,
    alternates: ctx.locales.map((l) => ({
      locale: localeInfo(l),
      href: `${toRoot}../${l}/${spec.path}`,
      absolute:
        ctx.baseUrl && `${ctx.baseUrl}${l}/${spec.path.replace(/(^|\/)index\.html$/, '$1')}`,
      current: l === locale,
    })),
    description: shown(course.description),
    nav,
    breadcrumbs,
    previous,
    next,
    hasFallback,
    content,
    t,
  };
  return { view, diagnostics };

  function pageTitle(): ShownText {
    switch (spec.kind) {
      case 'home':
        return shown(course.title);
      case 'glossary':
        return { value: t('glossary.title') };
      case 'questionnaire':
        return { value: t(`questionnaire.${spec.phase}.title`) };
      case 'questionnaire-results':
        return { value: t('questionnaire.results.title') };
      case 'certificate':
        return { value: t('certificate.title') };
      case 'badges':
        return { value: t('badges.title') };
      case 'module':
        return shown(spec.module.title);
      case 'unit':
        return shown(spec.unit.title);
      case 'not-found':
        return { value: t('notFound.title') };
    }
  }

  /**
   * The reading order: pre-questionnaire, every unit, post-questionnaire, then the learner's
   * results.
   */
  function neighbours(): { previous?: PageLink; next?: PageLink } {
    const path: PageLink[] = [];
    const at = (p: string, title: ShownText) => path.push({ href: p, title });
    if (course.questionnaire)
      at(pagePaths.questionnaire('pre'), { value: t('questionnaire.pre.title') });
    for (const m of course.modules)
      for (const u of m.units) at(pagePaths.unit(m.id, u.id), shown(u.title));
    if (course.questionnaire) {
      at(pagePaths.questionnaire('post'), { value: t('questionnaire.post.title') });
      at(pagePaths.questionnaireResults, { value: t('questionnaire.results.title') });
    }
    const i = path.findIndex((p) => p.href === spec.path);
    if (i < 0) return {};
    const link = (p?: PageLink) => p && { href: href(p.href), title: p.title };
    return { previous: link(path[i - 1]), next: link(path[i + 1]) };
  }

  async function pageContent(): Promise<PageContent> {
    switch (spec.kind) {
      case 'home':
        return {
          kind: 'home',
          description: shown(course.description),
          modules: course.modules.map((m) => ({
            id: m.id,
            href: href(pagePaths.module(m.id)),
            title: shown(m.title),
            summary: shown(m.summary),
            units: m.units.map((u) => ({
              kind: u.kind,
              key: `${m.id}/${u.id}`,
              href: href(pagePaths.unit(m.id, u.id)),
              title: shown(u.title),
            })),
          })),
          questionnaire: course.questionnaire && {
            pre: href(pagePaths.questionnaire('pre')),
            post: href(pagePaths.questionnaire('post')),
            results: href(pagePaths.questionnaireResults),
          },
          glossary: course.glossary.length ? href(pagePaths.glossary) : undefined,
          certificate: href(pagePaths.certificate),
          badges: href(pagePaths.badges),
          learnerAccount: ctx.learnerAccount,
        };
      case 'glossary':
        return {
          kind: 'glossary',
          terms: course.glossary.map((g) => ({
            id: g.id,
            term: shown(g.term),
            definition: shown(g.definition),
          })),
        };
      case 'questionnaire': {
        const q = course.questionnaire!;
        return {
          kind: 'questionnaire',
          phase: spec.phase,
          intro: shown(q.intro),
          scale: q.scaleLabels.map(shown),
          items: q.items.map((i) => ({ id: i.id, text: shown(i.text) })),
          consent:
            ctx.learnerAccount && q.consent
              ? { version: q.consent.version, text: shown(q.consent.text) }
              : undefined,
        };
      }
      case 'module':
        return {
          kind: 'module',
          id: spec.module.id,
          summary: shown(spec.module.summary),
          units: spec.module.units.map((u) => ({
            kind: u.kind,
            key: `${spec.module.id}/${u.id}`,
            href: href(pagePaths.unit(spec.module.id, u.id)),
            title: shown(u.title),
          })),
          forum: ctx.learnerAccount ? { home: href(pagePaths.home) } : undefined,
        };
      case 'not-found':
        return { kind: 'not-found', home: href(pagePaths.home) };
      case 'questionnaire-results':
        return {
          kind: 'questionnaire-results',
          items: course.questionnaire!.items.map((i) => ({
            id: i.id,
            text: shown(i.text),
            reversed: i.reversed,
          })),
          scale: course.questionnaire!.scale,
        };
      case 'certificate':
        return { kind: 'certificate', courseTitle: shown(course.title) };
      case 'badges':
        return {
          kind: 'badges',
          badges: [
            ...course.modules.map((m, i) => ({
              id: `module:${m.id}`,
              kind: 'module' as const,
              module: shown(m.title),
              number: i + 1,
            })),
            ...(['quiz', 'challenge'] as const)
              .filter((kind) => course.modules.some((m) => m.units.some((u) => u.kind === kind)))
              .map((kind) => {
                const id = kind === 'quiz' ? ('all-quizzes' as const) : ('all-challenges' as const);
                return { id, kind: id };
              }),
            { id: 'course', kind: 'course' as const },
          ],
        };
      case 'unit':
        return unitContent(spec.unit);
    }
  }

  async function unitContent(unit: Unit): Promise<PageContent> {
    switch (unit.kind) {
      case 'lesson':
      case 'infosheet': {
        const own = unit.body[locale];
        const doc = own ?? unit.body[course.sourceLocale];
        let body: Root = { type: 'root', children: [] };
        if (doc) {
          const rendered = await renderBody(doc, {
            course,
            locale: own ? locale : course.sourceLocale,
            t,
            text: (v) => shown(v).value,
            findUnit: (ref) => findUnit(course, ref, currentModuleId),
            resolveMedia: (src) =>
              resolveMediaKey(
                course,
                doc.baseDir,
                src,
                (key) => ctx.media.images.has(key) || ctx.media.files.has(key),
              ),
            unitHref,
            glossaryHref: (id) => `${href(pagePaths.glossary)}#${id}`,
            image: (src) => ctx.media.images.get(src),
            toRoot,
          });
          body = rendered.tree;
          diagnostics.push(...rendered.diagnostics);
        }
        if (!own) hasFallback = true;
        return {
          kind: unit.kind,
          body,
          bodyFallback: own ? undefined : { value: '', lang: source.code, dir: source.dir },
          points: course.points.lessonViewed,
        };
      }
      case 'video': {
        const src = unit.src.url ?? href(ctx.media.files.get(unit.src.path) ?? unit.src.path);
        const ext =
          (unit.src.url ?? unit.src.path).match(/\.[a-z0-9]+$/i)?.[0]?.toLowerCase() ?? '.mp4';
        const poster =
          unit.poster &&
          (unit.poster.url ??
            (ctx.media.images.get(unit.poster.path)
              ? href(ctx.media.images.get(unit.poster.path)!.fallback.path)
              : undefined));
        const captionLocale = unit.captions[locale] ? locale : course.sourceLocale;
        const tracks = Object.entries(unit.captions).map(([l, ref]) => ({
          src: href(ctx.media.files.get(ref.path) ?? ref.path),
          srclang: l,
          label: localeInfo(l).label,
          isDefault: l === captionLocale,
        }));
        if (!unit.captions[locale]) hasFallback = true;
        return {
          kind: 'video',
          src,
          type: videoTypes[ext] ?? 'video/mp4',
          poster,
          tracks,
          transcript: shown(unit.transcript),
          points: course.points.lessonViewed,
        };
      }
      case 'quiz':
        return {
          kind: 'quiz',
          intro: shown(unit.intro),
          passMark: unit.passMark,
          pointsPerAnswer: course.points.correctAnswer,
          questions: unit.questions.map((q): QuestionView => {
            const options =
              q.type === 'truefalse'
                ? ['true', 'false'].map((id) => ({
                    id,
                    text: { value: t(`quiz.${id}`) },
                    correct: q.correct.includes(id),
                  }))
                : q.options.map((o) => ({
                    id: o.id,
                    text: shown(o.text),
                    correct: q.correct.includes(o.id),
                    feedback: o.feedback && shown(o.feedback),
                  }));
            const targets = q.targets?.map((target) => ({
              id: target.id,
              text: shown(target.text),
            }));
            const textOf = (id: string): ShownText =>
              options.find((o) => o.id === id)?.text ?? { value: id };
            const correctAnswers: ShownText[] =
              q.type === 'ordering'
                ? q.correct.map(textOf)
                : q.type === 'matching'
                  ? q.correct.map((pair) => {
                      const [o, target] = pair.split('=');
                      const right: ShownText = targets?.find((x) => x.id === target)?.text ?? {
                        value: target,
                      };
                      return {
                        value: `${textOf(o).value} → ${right.value}`,
                        lang: textOf(o).lang ?? right.lang,
                        dir: textOf(o).dir ?? right.dir,
                      };
                    })
                  : options.filter((o) => o.correct).map((o) => o.text);
            return {
              id: q.id,
              type: q.type,
              prompt: shown(q.prompt),
              options: q.type === 'ordering' ? presentationOrder(q.id, options) : options,
              targets: targets && presentationOrder(q.id, targets),
              answerKey: q.correct,
              correctAnswers,
              feedback: {
                correct: shown(q.feedback.correct),
                incorrect: shown(q.feedback.incorrect),
              },
            };
          }),
        };
      case 'challenge':
        return {
          kind: 'challenge',
          prompt: shown(unit.prompt),
          commitment: shown(unit.commitment),
          points: unit.points,
        };
    }
  }
}

/** Pages whose controls need the interactive part of the runtime. */
function needsInteractive(spec: PageSpec): boolean {
  if (spec.kind === 'unit')
    return (
      spec.unit.kind === 'quiz' || spec.unit.kind === 'challenge' || spec.unit.kind === 'video'
    );
  return (
    spec.kind === 'questionnaire' ||
    spec.kind === 'questionnaire-results' ||
    spec.kind === 'certificate'
  );
}

/**
 * A stable shuffle (the same in every build and locale) that never shows the answer as given:
 * items sorted by a hash of question and item id, rotated when that happens to be the original
 * order.
 */
function presentationOrder<T extends { id: string }>(questionId: string, items: T[]): T[] {
  const shuffled = [...items].sort((a, b) =>
    sha256(questionId, a.id).localeCompare(sha256(questionId, b.id)),
  );
  const same = shuffled.every((item, i) => item.id === items[i].id);
  return same && items.length > 1 ? [...shuffled.slice(1), shuffled[0]] : shuffled;
}

export type { LocaleInfo };
