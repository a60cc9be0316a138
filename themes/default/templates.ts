/**
 * Default theme templates: a PageView → an HTML document (hast). Semantic, readable without
 * JavaScript; layout direction follows `dir`, so the Arabic pages mirror through CSS logical
 * properties, not separate markup. Every UI string comes from the catalog through `view.t`.
 */
import { h } from 'hastscript';
import { faviconHref } from '../../compiler/render/favicon.ts';
import type { Root, Element, ElementContent } from 'hast';
import type {
  PageView,
  ShownText,
  PageContent,
  QuestionView,
  NavModule,
} from '../../compiler/render/page-view.ts';

type Child = ElementContent | string | null | undefined;

/** A number in the page's digits (Persian ۳, Bengali ৩), as the UI strings write theirs. */
function digits(view: PageView, n: number): string {
  return new Intl.NumberFormat(view.locale.code).format(n);
}

/** A text, wrapped with lang/dir when it fell back to another locale. */
function txt(text: ShownText): ElementContent {
  if (!text.lang) return { type: 'text', value: text.value };
  return h('span.fallback', { lang: text.lang, dir: text.dir }, text.value);
}

/**
 * The 404 page is served for any missing address, however deep (`/course/en/no/such/page/`), so
 * its relative links (stylesheet, scripts, home) must resolve from its locale's folder: a `<base>`
 * before them. Its address is known when the build has `--base-url`; otherwise the script finds
 * the locale's folder in the address before the parser reaches the links (online, and offline
 * where the service worker answers with this page). In-page links (`#main`) then point at the
 * page itself again, not at the base.
 */
function notFoundBase(view: PageView): ElementContent[] {
  const own = view.alternates.find((a) => a.current)?.absolute;
  const folder = JSON.stringify(`/${view.locale.code}/`);
  const addBase = own
    ? ''
    : `var p=location.pathname,i=p.indexOf(${folder});if(i>=0){` +
      `var b=document.createElement('base');b.href=p.slice(0,i+${folder}.length);` +
      'document.head.appendChild(b)}';
  const keepFragments =
    "document.addEventListener('DOMContentLoaded',function(){" +
    'document.querySelectorAll(\'a[href^="#"]\').forEach(function(a){' +
    "a.href=location.href.split('#')[0]+a.getAttribute('href')})})";
  return [
    own ? h('base', { href: own.replace(/404\.html$/, '') }) : null,
    h('script', `(function(){${addBase}${keepFragments}})()`),
  ].filter((e): e is Element => e !== null);
}

export function renderPage(view: PageView): Root {
  const { t, locale } = view;
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: locale.code, dir: locale.dir }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          ...(view.content.kind === 'not-found' ? notFoundBase(view) : []),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', t('page.title', { page: view.title.value, course: view.courseTitle.value })),
          view.description.value
            ? h('meta', { name: 'description', content: view.description.value })
            : null,
          h('meta', { name: 'color-scheme', content: 'light dark' }),
          h('link', { rel: 'icon', type: 'image/svg+xml', href: faviconHref }),
          h('link', { rel: 'stylesheet', href: view.stylesheet }),
          // Search engines take only absolute addresses: there when the build knows its address.
          ...view.alternates
            .filter((a) => a.absolute && view.content.kind !== 'not-found')
            .map((a) =>
              a.current
                ? h('link', { rel: 'canonical', href: a.absolute })
                : h('link', { rel: 'alternate', hreflang: a.locale.code, href: a.absolute }),
            ),
          view.runtime ? h('script', { defer: true, src: view.runtime }) : null,
          view.interactiveRuntime
            ? h('script', { defer: true, src: view.interactiveRuntime })
            : null,
        ]),
        h(
          'body',
          {
            class: `page-${view.content.kind}`,
            'data-unit': view.unitKey,
            'data-sw': view.serviceWorker,
            'data-preview': view.preview ? '' : undefined,
          },
          [
            h('a.skip-link', { href: '#main' }, t('nav.skip')),
            view.preview ? h('p.preview-banner', { role: 'note' }, t('preview.banner')) : null,
            header(view),
            // The content first, the course outline after it: on a phone the learner reads the
            // page, not the whole outline, first; on a wide screen the outline is a column beside.
            h('div.layout', [
              h('main#main', { tabindex: '-1' }, [
                view.breadcrumbs.length ? breadcrumbs(view) : null,
                h('h1', [txt(view.title)]),
                view.hasFallback
                  ? h(
                      'p.fallback-note',
                      { role: 'note' },
                      t('fallback.note', { language: view.sourceLocale.label }),
                    )
                  : null,
                ...content(view, view.content),
                pager(view),
              ]),
              view.nav.length ? sidebar(view) : null,
            ]),
            h('footer.site-footer', [
              h('p', t('footer.text')),
              h('p.offline-status', { role: 'status', 'aria-live': 'polite', hidden: true }),
              // Shown by the runtime where a service worker runs (runtime/browser/offline.ts).
              h('button.button.secondary.keep-offline', { type: 'button', hidden: true }),
            ]),
          ],
        ),
      ]),
    ],
  };
}

function header(view: PageView): Element {
  const { t } = view;
  return h('header.site-header', [
    h('a.course-title', { href: view.homeHref }, [txt(view.courseTitle)]),
    // Filled by the runtime (runtime/browser/show-progress.ts): points, units done, badges; the
    // toast says what was just earned, politely, and what the next badge needs.
    h('p.learner-status', { hidden: true }, h('a', { href: view.badgesHref })),
    h('p.points-toast', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    view.alternates.length > 1
      ? h('nav.language-picker', { 'aria-label': t('nav.language') }, [
          h('details', [
            h('summary', [
              h('span', t('nav.language')),
              t('nav.labelSeparator'),
              h('span', { lang: view.locale.code }, view.locale.label),
            ]),
            h(
              'ul',
              view.alternates.map((a) =>
                h(
                  'li',
                  h(
                    'a',
                    {
                      href: a.href,
                      hreflang: a.locale.code,
                      lang: a.locale.code,
                      'aria-current': a.current ? 'page' : undefined,
                    },
                    a.locale.label,
                  ),
                ),
              ),
            ),
          ]),
        ])
      : null,
  ]);
}

function sidebar(view: PageView): Element {
  return h(
    'nav.sidebar',
    { 'aria-label': view.t('nav.contents') },
    h(
      'ol.course-map',
      view.nav.map((m) => navModule(view, m)),
    ),
  );
}

function navModule(view: PageView, m: NavModule): Element {
  return h('li', { class: m.current ? 'current-module' : undefined }, [
    h(
      'a',
      {
        href: m.href,
        'aria-current': m.current && !m.units.some((u) => u.current) ? 'page' : undefined,
      },
      [txt(m.title)],
    ),
    m.units.length
      ? h(
          'ol',
          m.units.map((u) =>
            h(
              'li',
              { class: `unit-${u.kind}` },
              h(
                'a',
                {
                  href: u.href,
                  'aria-current': u.current ? 'page' : undefined,
                  'data-unit-link': u.key,
                },
                [h('span.unit-kind', view.t(`unit.kind.${u.kind}`)), ' ', txt(u.title)],
              ),
            ),
          ),
        )
      : null,
  ]);
}

function breadcrumbs(view: PageView): Element {
  return h(
    'nav.breadcrumbs',
    { 'aria-label': view.t('nav.breadcrumbs') },
    h(
      'ol',
      view.breadcrumbs.map((b) => h('li', h('a', { href: b.href }, [txt(b.title)]))),
    ),
  );
}

function pager(view: PageView): Element | null {
  if (!view.previous && !view.next) return null;
  return h('nav.pager', { 'aria-label': view.t('nav.pager') }, [
    view.previous
      ? h('a.pager-previous', { href: view.previous.href, rel: 'prev' }, [
          h('span.pager-label', view.t('nav.previous')),
          ' ',
          txt(view.previous.title),
        ])
      : null,
    view.next
      ? h('a.pager-next', { href: view.next.href, rel: 'next' }, [
          h('span.pager-label', view.t('nav.next')),
          ' ',
          txt(view.next.title),
        ])
      : null,
  ]);
}

type HomeContent = Extract<PageContent, { kind: 'home' }>;

/**
 * The course home is a map: the next step as one call to action, each module as a card with a
 * progress ring and its units, the course's own pages (questionnaire, certificate, badges). Without
 * JavaScript it reads as a table of contents; the runtime (runtime/browser/course-map.ts) shows
 * what is done, picks the next step and says what the certificate still needs.
 */
function homeContent(view: PageView, c: HomeContent): Child[] {
  const { t } = view;
  const firstUnit = c.modules.flatMap((m) => m.units)[0];
  // One link per kind of next step; the runtime shows the one that fits the learner's progress.
  const steps: [string, string, string][] = [
    ...(c.questionnaire
      ? [['pre', c.questionnaire.pre, t('questionnaire.start.pre')] as [string, string, string]]
      : []),
    ...(firstUnit
      ? [['continue', firstUnit.href, t('home.start')] as [string, string, string]]
      : []),
    ...(c.questionnaire
      ? [['post', c.questionnaire.post, t('questionnaire.start.post')] as [string, string, string]]
      : []),
    ['certificate', c.certificate, t('certificate.link')],
  ];
  return [
    h('p.lead', [txt(c.description)]),
    h(
      'p.call-to-action',
      steps.map(([step, href, label], i) =>
        h('a.button.next-step', { href, 'data-step': step, hidden: i > 0 || undefined }, label),
      ),
    ),
    h('p.next-badge', { hidden: true }),
    h('h2', t('home.modules')),
    h(
      'ol.module-map',
      c.modules.map((m) =>
        h('li.module-card', { 'data-module': m.id }, [
          progressRing(),
          h('div.module-card-text', [
            h('h3', h('a', { href: m.href }, [txt(m.title)])),
            h('p', [txt(m.summary)]),
            h('p.meta.module-progress', { 'data-module-progress': m.id }),
            h('details.module-units', [
              h('summary', t('module.units', { count: m.units.length })),
              h(
                'ol.unit-list',
                m.units.map((u) =>
                  h(
                    'li',
                    { class: `unit-${u.kind}` },
                    h('a', { href: u.href, 'data-unit-link': u.key }, [
                      h('span.unit-kind', t(`unit.kind.${u.kind}`)),
                      ' ',
                      h('span.unit-title', [txt(u.title)]),
                    ]),
                  ),
                ),
              ),
            ]),
          ]),
        ]),
      ),
    ),
    h('ul.course-links', [
      c.questionnaire
        ? h('li', h('a', { href: c.questionnaire.post }, t('questionnaire.start.post')))
        : null,
      c.questionnaire
        ? h('li', h('a', { href: c.questionnaire.results }, t('questionnaire.results.link')))
        : null,
      h('li.certificate-link', [
        h('a', { href: c.certificate }, t('certificate.link')),
        // The runtime says what is still needed while the certificate is locked.
        h('span.locked-note', { hidden: true }),
      ]),
      h('li', h('a', { href: c.badges }, t('badges.link'))),
      c.glossary ? h('li', h('a', { href: c.glossary }, t('glossary.title'))) : null,
    ]),
    // Filled by the runtime (runtime/browser/learner-account.ts): it needs JavaScript.
    c.learnerAccount ? h('section#learner-account.learner-account', { hidden: true }) : null,
  ];
}

/** Where points are earned, the course's rule for them (none when the rule gives 0). */
function earns(view: PageView, id: string, points: number): Element | null {
  return points ? h('p.meta.earns', view.t(id, { count: points })) : null;
}

/** A ring the runtime fills with the module's share of done units (decorative: text says it). */
function progressRing(): Element {
  return h(
    'svg.progress-ring',
    { viewBox: '0 0 36 36', width: 44, height: 44, 'aria-hidden': 'true', focusable: 'false' },
    [
      h('circle.progress-ring-track', { cx: 18, cy: 18, r: 15.9 }),
      h('circle.progress-ring-fill', {
        cx: 18,
        cy: 18,
        r: 15.9,
        pathLength: 100,
        'stroke-dasharray': '0 100',
      }),
    ],
  );
}

type BadgeView = Extract<PageContent, { kind: 'badges' }>['badges'][number];

/** A badge's name, as the runtime names it in its notices (the same catalog strings). */
function badgeName(view: PageView, b: BadgeView): string {
  return b.kind === 'module'
    ? view.t('runtime.badge.module.name', { module: b.module?.value ?? '' })
    : view.t(`runtime.badge.${badgeKey[b.kind]}.name`);
}

const badgeKey = {
  module: 'module',
  'all-quizzes': 'allQuizzes',
  'all-challenges': 'allChallenges',
  course: 'course',
} as const;

/**
 * A badge's picture: a medal in the badge's colour with its sign (the module's number, a tick, a
 * flag, a star). Decorative: the name beside it says the same.
 */
function badgeImage(view: PageView, b: BadgeView): Element {
  const colour = {
    module: '#0b5cad',
    'all-quizzes': '#15803d',
    'all-challenges': '#b45309',
    course: '#86198f',
  }[b.kind];
  const sign: Element =
    b.kind === 'module'
      ? h(
          'text',
          { x: 32, y: 33, 'text-anchor': 'middle', 'dominant-baseline': 'middle', 'font-size': 20 },
          digits(view, b.number ?? 0),
        )
      : b.kind === 'all-quizzes'
        ? h('path', { d: 'M22 32l7 7 13-14', fill: 'none', 'stroke-width': 5 })
        : b.kind === 'all-challenges'
          ? h('path', { d: 'M25 44V20m0 1h16l-4 6 4 6H25', 'stroke-width': 4, fill: 'none' })
          : h('path', {
              d: 'M32 17l4.4 9 9.9 1.4-7.2 7 1.7 9.8-8.8-4.6-8.8 4.6 1.7-9.8-7.2-7 9.9-1.4z',
            });
  return h(
    'svg.badge-image',
    {
      viewBox: '0 0 64 64',
      width: 64,
      height: 64,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    [
      h('path', { d: 'M20 44l-6 18 10-5 6 7 4-16zM44 44l6 18-10-5-6 7-4-16z', fill: colour }),
      h('circle', { cx: 32, cy: 32, r: 24, fill: colour }),
      h('circle', { cx: 32, cy: 32, r: 19, fill: 'none', stroke: '#fff', 'stroke-width': 2 }),
      h('g', { fill: '#fff', stroke: '#fff', 'stroke-linecap': 'round' }, [sign]),
    ],
  );
}

/** Every badge of the course with its criterion; the runtime marks the earned ones. */
function badgesContent(view: PageView, c: Extract<PageContent, { kind: 'badges' }>): Child[] {
  const { t } = view;
  return [
    h('p.lead', t('badges.intro')),
    h('p.next-badge', { hidden: true }),
    h(
      'ul.badge-list',
      c.badges.map((b) =>
        h('li.badge', { 'data-badge': b.id }, [
          badgeImage(view, b),
          h('div.badge-text', [
            h('h2', badgeName(view, b)),
            h('p', t(`badge.${badgeKey[b.kind]}.criterion`)),
            h('p.badge-state', { hidden: true }),
          ]),
        ]),
      ),
    ),
  ];
}

function content(view: PageView, c: PageContent): Child[] {
  const { t } = view;
  switch (c.kind) {
    case 'home':
      return homeContent(view, c);
    case 'module':
      return [
        h('p.lead', [txt(c.summary)]),
        h(
          'ol.unit-list',
          c.units.map((u) =>
            h(
              'li',
              { class: `unit-${u.kind}` },
              h('a', { href: u.href, 'data-unit-link': u.key }, [
                h('span.unit-kind', t(`unit.kind.${u.kind}`)),
                ' ',
                txt(u.title),
              ]),
            ),
          ),
        ),
        // Filled by the runtime (runtime/browser/module-forum.ts): it needs JavaScript.
        c.forum
          ? h('section#module-forum.module-forum', {
              hidden: true,
              'data-module': c.id,
              'data-home': c.forum.home,
            })
          : null,
      ];
    case 'lesson':
    case 'infosheet': {
      const body = h('div.body', c.body.children as ElementContent[]);
      if (c.bodyFallback) {
        body.properties = {
          ...body.properties,
          lang: c.bodyFallback.lang,
          dir: c.bodyFallback.dir,
        };
        (body.properties.className as string[]).push('fallback');
      }
      return [
        c.kind === 'infosheet' ? h('p.print-hint', t('infosheet.print')) : null,
        body,
        earns(view, 'points.earn.view', c.points),
      ];
    }
    case 'video':
      return [
        h('figure.video', [
          h(
            'video',
            {
              controls: true,
              preload: 'metadata',
              poster: c.poster,
              playsinline: true,
              crossorigin: c.src.startsWith('http') ? 'anonymous' : undefined,
            },
            [
              h('source', { src: c.src, type: c.type }),
              ...c.tracks.map((tr) =>
                h('track', {
                  kind: 'captions',
                  src: tr.src,
                  srclang: tr.srclang,
                  label: tr.label,
                  default: tr.isDefault || undefined,
                }),
              ),
              h('p', [t('video.unsupported'), ' ', h('a', { href: c.src }, t('video.download'))]),
            ],
          ),
          h(
            'figcaption',
            h(
              'a',
              { href: c.src, download: c.src.startsWith('http') ? undefined : '' },
              t('video.download'),
            ),
          ),
        ]),
        earns(view, 'points.earn.view', c.points),
        h('section.transcript', { 'aria-labelledby': 'transcript-heading' }, [
          h('h2#transcript-heading', t('video.transcript')),
          h(
            'button.transcript-toggle',
            {
              type: 'button',
              'aria-controls': 'transcript-text',
              'aria-expanded': 'true',
              hidden: true,
            },
            t('video.transcript'),
          ),
          h(
            'div#transcript-text.transcript-text',
            c.transcript.value
              .split(/\n{2,}/)
              .map((para) => h('p', [txt({ ...c.transcript, value: para.trim() })])),
          ),
        ]),
      ];
    case 'quiz':
      return [
        h('p.lead', [txt(c.intro)]),
        h('p.meta', [
          t('quiz.passMark', { percent: c.passMark / 100 }),
          c.pointsPerAnswer ? ' ' : null,
          c.pointsPerAnswer ? t('points.earn.answer', { count: c.pointsPerAnswer }) : null,
        ]),
        h('form.quiz', { 'data-pass-mark': String(c.passMark), novalidate: true }, [
          ...c.questions.map((q, i) => question(view, q, i)),
          h('div.quiz-actions', { hidden: true }, [
            h('button.button', { type: 'submit' }, t('quiz.check')),
            ' ',
            h('button.button.retry', { type: 'button', hidden: true }, t('quiz.retry')),
          ]),
          h('p.quiz-result', { role: 'status', 'aria-live': 'polite' }),
        ]),
      ];
    case 'challenge':
      return [
        h('div.challenge-prompt', h('p', [txt(c.prompt)])),
        h('div.challenge-commitment', [
          h('h2', t('challenge.commitment')),
          h('p', [txt(c.commitment)]),
        ]),
        h('p.meta', t('challenge.points', { count: c.points })),
        h(
          'form.challenge-form',
          { hidden: true, 'data-points': String(c.points) },
          h('label.challenge-done', [
            h('input', { type: 'checkbox', name: 'done' }),
            ' ',
            t('challenge.markDone'),
          ]),
        ),
        h('p.challenge-status', { role: 'status', 'aria-live': 'polite' }),
      ];
    case 'glossary':
      return [
        h(
          'dl.glossary',
          c.terms.flatMap((g) => [
            h('dt', { id: g.id }, [txt(g.term)]),
            h('dd', [txt(g.definition)]),
          ]),
        ),
      ];
    case 'questionnaire':
      return [
        h('p.lead', [txt(c.intro)]),
        h('form.questionnaire', { 'data-phase': c.phase, novalidate: true }, [
          ...c.items.map((item, i) =>
            h('fieldset.likert', [
              h('legend', [h('span.item-number', `${digits(view, i + 1)}. `), txt(item.text)]),
              h(
                'div.likert-scale',
                c.scale.map((label, point) =>
                  h('label', [
                    h('input', { type: 'radio', name: item.id, value: String(point + 1) }),
                    ' ',
                    txt(label),
                  ]),
                ),
              ),
            ]),
          ),
          // Shown by the runtime (runtime/browser/enhance-questionnaire.ts), like the button.
          c.consent
            ? h('fieldset.questionnaire-consent', { hidden: true }, [
                h('legend', t('questionnaire.consent.title')),
                h('p', [txt(c.consent.text)]),
                h('label', [
                  h('input', { type: 'checkbox', name: 'consent', value: c.consent.version }),
                  ' ',
                  t('questionnaire.consent.agree'),
                ]),
              ])
            : null,
          h(
            'div.questionnaire-actions',
            { hidden: true },
            h('button.button', { type: 'submit' }, t('questionnaire.save')),
          ),
          h('p.questionnaire-status', { role: 'status', 'aria-live': 'polite' }),
        ]),
      ];
    case 'questionnaire-results':
      return [
        h('div.questionnaire-results', [
          h('p.lead', t('questionnaire.results.intro')),
          h('noscript', h('p', t('needsJavaScript'))),
          h('p.results-summary', { role: 'status' }),
          h('table.results-table', { hidden: true }, [
            h(
              'thead',
              h('tr', [
                h('th', { scope: 'col' }, t('questionnaire.results.item')),
                h('th', { scope: 'col' }, t('questionnaire.results.before')),
                h('th', { scope: 'col' }, t('questionnaire.results.after')),
                h('th', { scope: 'col' }, t('questionnaire.results.change')),
              ]),
            ),
            h(
              'tbody',
              c.items.map((item) =>
                h('tr', { 'data-item': item.id }, [
                  h(
                    'th',
                    {
                      scope: 'row',
                      'aria-describedby': item.reversed ? 'reversed-note' : undefined,
                    },
                    [
                      txt(item.text),
                      item.reversed ? h('span.reversed-mark', { 'aria-hidden': 'true' }) : null,
                    ],
                  ),
                  h('td'),
                  h('td'),
                  h('td'),
                ]),
              ),
            ),
            // Why a reversed statement's numbers are not the answers given (2 then 1 shows 4, 5).
            c.items.some((i) => i.reversed)
              ? h(
                  'tfoot',
                  h(
                    'tr',
                    h(
                      'td#reversed-note.results-note',
                      { colspan: 4 },
                      t('questionnaire.results.reversed', { min: 1, max: c.scale }),
                    ),
                  ),
                )
              : null,
          ]),
          h(
            'p',
            h(
              'button.button.export-responses',
              { type: 'button', hidden: true },
              t('questionnaire.results.export'),
            ),
          ),
        ]),
      ];
    case 'badges':
      return badgesContent(view, c);
    case 'certificate':
      return [
        h('div.certificate-page', [
          h('noscript', h('p', t('needsJavaScript'))),
          h('p.certificate-locked', { role: 'status' }),
          h('form.certificate-form', { hidden: true }, [
            h('label', { for: 'learner-name' }, t('certificate.nameLabel')),
            h('input#learner-name', {
              name: 'learner-name',
              autoComplete: 'name',
              maxLength: 200,
              required: true,
            }),
            h('button.button', { type: 'submit' }, t('certificate.show')),
          ]),
          h(
            'section.certificate',
            { hidden: true, tabindex: '-1', 'aria-labelledby': 'certificate-heading' },
            [
              h('h2#certificate-heading', t('certificate.title')),
              h('p', t('certificate.awardedTo')),
              h('p.certificate-name'),
              h('p', t('certificate.completed')),
              h('p.certificate-course', [txt(c.courseTitle)]),
              h('p.certificate-points'),
              h('dl', [
                h('dt', t('certificate.date')),
                h('dd.certificate-date'),
                h('dt', t('certificate.code')),
                h('dd.certificate-code'),
              ]),
              h(
                'p.no-print',
                h('button.button.print-certificate', { type: 'button' }, t('certificate.print')),
              ),
            ],
          ),
        ]),
      ];
    case 'not-found':
      return [h('p', t('notFound.text')), h('p', h('a', { href: c.home }, t('notFound.home')))];
  }
}

function question(view: PageView, q: QuestionView, index: number): Element {
  const { t } = view;
  const name = `q-${q.id}`;
  return h(
    'fieldset.question',
    { id: name, 'data-type': q.type, 'data-question': q.id, 'data-correct': q.answerKey.join(' ') },
    [
      h('legend', [
        h('span.question-number', t('quiz.question', { number: index + 1 })),
        ' ',
        txt(q.prompt),
      ]),
      q.type === 'multiple' ? h('p.hint', t('quiz.chooseAll')) : null,
      q.type === 'ordering' ? h('p.hint', t('quiz.ordering.hint')) : null,
      q.type === 'matching' ? h('p.hint', t('quiz.matching.hint')) : null,
      answerControls(view, q, name),
      h('details.answer', [
        h('summary', t('quiz.showAnswer')),
        h('p', h('strong', t('quiz.correctAnswer', { count: q.correctAnswers.length }))),
        h(
          q.type === 'ordering' ? 'ol' : 'ul',
          q.correctAnswers.map((a) => h('li', [txt(a)])),
        ),
        h('p', [txt(q.feedback.correct)]),
      ]),
      h('p.question-feedback', { 'data-result': 'correct', hidden: true }, [
        h('strong', `✓ ${t('quiz.feedback.correct')}`),
        ' ',
        txt(q.feedback.correct),
      ]),
      h('p.question-feedback', { 'data-result': 'incorrect', hidden: true }, [
        h('strong', `✗ ${t('quiz.feedback.incorrect')}`),
        ' ',
        txt(q.feedback.incorrect),
      ]),
    ],
  );
}

/**
 * Radios and checkboxes; for ordering a position select per item, for matching a target select per
 * option.
 */
function answerControls(view: PageView, q: QuestionView, name: string): Element {
  const { t } = view;
  if (q.type === 'ordering') {
    const positions = q.options.map((_, i) => String(i + 1));
    return h(
      'ul.ordering',
      q.options.map((o) =>
        h('li', [
          h('label', { for: `${name}-${o.id}` }, [txt(o.text)]),
          ' ',
          h('select', { id: `${name}-${o.id}`, name: `${name}-${o.id}`, 'data-option': o.id }, [
            h('option', { value: '' }, t('quiz.ordering.position')),
            ...positions.map((p) => h('option', { value: p }, digits(view, Number(p)))),
          ]),
        ]),
      ),
    );
  }
  if (q.type === 'matching') {
    return h(
      'ul.matching',
      q.options.map((o) =>
        h('li', [
          h('label', { for: `${name}-${o.id}` }, [txt(o.text)]),
          ' ',
          h('select', { id: `${name}-${o.id}`, name: `${name}-${o.id}`, 'data-option': o.id }, [
            h('option', { value: '' }, t('quiz.matching.choose')),
            ...(q.targets ?? []).map((target) =>
              h('option', { value: target.id, lang: target.text.lang }, target.text.value),
            ),
          ]),
        ]),
      ),
    );
  }
  return h(
    'ul.options',
    q.options.map((o) =>
      h('li', [
        h('label', [
          h('input', { type: q.type === 'multiple' ? 'checkbox' : 'radio', name, value: o.id }),
          ' ',
          txt(o.text),
        ]),
        o.feedback
          ? h('p.option-feedback', { 'data-option': o.id, hidden: true }, [txt(o.feedback)])
          : null,
      ]),
    ),
  );
}
