/**
 * Default theme templates: a PageView → an HTML document (hast). Semantic, readable without
 * JavaScript; layout direction follows `dir`, so the Arabic pages mirror through CSS logical
 * properties, not separate markup. Every UI string comes from the catalog through `view.t`.
 */
import { h } from 'hastscript';
import type { Root, Element, ElementContent } from 'hast';
import type { PageView, ShownText, PageContent, QuestionView, NavModule } from '../../compiler/render/page-view.ts';

type Child = ElementContent | string | null | undefined;

/** A text, wrapped with lang/dir when it fell back to another locale. */
function txt(text: ShownText): ElementContent {
  if (!text.lang) return { type: 'text', value: text.value };
  return h('span.fallback', { lang: text.lang, dir: text.dir }, text.value);
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
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `${view.title.value} · ${view.courseTitle.value}`),
          h('meta', { name: 'color-scheme', content: 'light dark' }),
          h('link', { rel: 'stylesheet', href: view.stylesheet }),
          ...view.alternates.filter((a) => !a.current).map((a) => h('link', { rel: 'alternate', hreflang: a.locale.code, href: a.href })),
        ]),
        h('body', { class: `page-${view.content.kind}` }, [
          h('a.skip-link', { href: '#main' }, t('nav.skip')),
          header(view),
          h('div.layout', [
            view.nav.length ? sidebar(view) : null,
            h('main#main', { tabindex: '-1' }, [
              view.breadcrumbs.length ? breadcrumbs(view) : null,
              h('h1', [txt(view.title)]),
              view.hasFallback
                ? h('p.fallback-note', { role: 'note' }, t('fallback.note', { language: view.sourceLocale.label }))
                : null,
              ...content(view, view.content),
              pager(view),
            ]),
          ]),
          h('footer.site-footer', h('p', t('footer.text'))),
        ]),
      ]),
    ],
  };
}

function header(view: PageView): Element {
  const { t } = view;
  return h('header.site-header', [
    h('a.course-title', { href: view.homeHref }, [txt(view.courseTitle)]),
    view.alternates.length > 1
      ? h('nav.language-picker', { 'aria-label': t('nav.language') }, [
          h('details', [
            h('summary', [h('span', t('nav.language')), ': ', h('span', { lang: view.locale.code }, view.locale.label)]),
            h('ul', view.alternates.map((a) =>
              h('li', h('a', { href: a.href, hreflang: a.locale.code, lang: a.locale.code, 'aria-current': a.current ? 'page' : undefined }, a.locale.label)))),
          ]),
        ])
      : null,
  ]);
}

function sidebar(view: PageView): Element {
  return h('nav.sidebar', { 'aria-label': view.t('nav.contents') }, h('ol.course-map', view.nav.map((m) => navModule(view, m))));
}

function navModule(view: PageView, m: NavModule): Element {
  return h('li', { class: m.current ? 'current-module' : undefined }, [
    h('a', { href: m.href, 'aria-current': m.current && !m.units.some((u) => u.current) ? 'page' : undefined }, [txt(m.title)]),
    m.units.length
      ? h('ol', m.units.map((u) =>
          h('li', { class: `unit-${u.kind}` }, h('a', { href: u.href, 'aria-current': u.current ? 'page' : undefined }, [
            h('span.unit-kind', view.t(`unit.kind.${u.kind}`)), ' ', txt(u.title),
          ]))))
      : null,
  ]);
}

function breadcrumbs(view: PageView): Element {
  return h('nav.breadcrumbs', { 'aria-label': view.t('nav.breadcrumbs') },
    h('ol', view.breadcrumbs.map((b) => h('li', h('a', { href: b.href }, [txt(b.title)])))));
}

function pager(view: PageView): Element | null {
  if (!view.previous && !view.next) return null;
  return h('nav.pager', { 'aria-label': view.t('nav.pager') }, [
    view.previous ? h('a.pager-previous', { href: view.previous.href, rel: 'prev' }, [h('span.pager-label', view.t('nav.previous')), ' ', txt(view.previous.title)]) : null,
    view.next ? h('a.pager-next', { href: view.next.href, rel: 'next' }, [h('span.pager-label', view.t('nav.next')), ' ', txt(view.next.title)]) : null,
  ]);
}

function content(view: PageView, c: PageContent): Child[] {
  const { t } = view;
  switch (c.kind) {
    case 'home':
      return [
        h('p.lead', [txt(c.description)]),
        c.questionnaire ? h('p.call-to-action', h('a.button', { href: c.questionnaire.pre }, t('questionnaire.start.pre'))) : null,
        h('h2', t('home.modules')),
        h('ol.module-list', c.modules.map((m) => h('li', [
          h('h3', h('a', { href: m.href }, [txt(m.title)])),
          h('p', [txt(m.summary)]),
          h('p.meta', t('module.units', { count: m.unitCount })),
        ]))),
        c.questionnaire ? h('p', h('a', { href: c.questionnaire.post }, t('questionnaire.start.post'))) : null,
        c.glossary ? h('p', h('a', { href: c.glossary }, t('glossary.title'))) : null,
      ];
    case 'module':
      return [
        h('p.lead', [txt(c.summary)]),
        h('ol.unit-list', c.units.map((u) => h('li', { class: `unit-${u.kind}` }, h('a', { href: u.href }, [h('span.unit-kind', t(`unit.kind.${u.kind}`)), ' ', txt(u.title)])))),
      ];
    case 'lesson':
    case 'infosheet': {
      const body = h('div.body', c.body.children as ElementContent[]);
      if (c.bodyFallback) {
        body.properties = { ...body.properties, lang: c.bodyFallback.lang, dir: c.bodyFallback.dir };
        (body.properties.className as string[]).push('fallback');
      }
      return [
        c.kind === 'infosheet' ? h('p.print-hint', t('infosheet.print')) : null,
        body,
      ];
    }
    case 'video':
      return [
        h('figure.video', [
          h('video', { controls: true, preload: 'metadata', poster: c.poster, playsinline: true, crossorigin: c.src.startsWith('http') ? 'anonymous' : undefined }, [
            h('source', { src: c.src, type: c.type }),
            ...c.tracks.map((tr) => h('track', { kind: 'captions', src: tr.src, srclang: tr.srclang, label: tr.label, default: tr.isDefault || undefined })),
            h('p', [t('video.unsupported'), ' ', h('a', { href: c.src }, t('video.download'))]),
          ]),
          h('figcaption', h('a', { href: c.src, download: c.src.startsWith('http') ? undefined : '' }, t('video.download'))),
        ]),
        h('section.transcript', { 'aria-labelledby': 'transcript-heading' }, [
          h('h2#transcript-heading', t('video.transcript')),
          ...c.transcript.value.split(/\n{2,}/).map((para) => h('p', [txt({ ...c.transcript, value: para.trim() })])),
        ]),
      ];
    case 'quiz':
      return [
        h('p.lead', [txt(c.intro)]),
        h('p.meta', t('quiz.passMark', { percent: c.passMark / 100 })),
        h('form.quiz', { 'data-pass-mark': String(c.passMark) }, c.questions.map((q, i) => question(view, q, i))),
      ];
    case 'challenge':
      return [
        h('div.challenge-prompt', h('p', [txt(c.prompt)])),
        h('div.challenge-commitment', [
          h('h2', t('challenge.commitment')),
          h('p', [txt(c.commitment)]),
        ]),
        h('p.meta', t('challenge.points', { count: c.points })),
      ];
    case 'glossary':
      return [h('dl.glossary', c.terms.flatMap((g) => [h('dt', { id: g.id }, [txt(g.term)]), h('dd', [txt(g.definition)])]))];
    case 'questionnaire':
      return [
        h('p.lead', [txt(c.intro)]),
        h('form.questionnaire', { 'data-phase': c.phase }, c.items.map((item, i) =>
          h('fieldset.likert', [
            h('legend', [h('span.item-number', `${i + 1}. `), txt(item.text)]),
            h('div.likert-scale', c.scale.map((label, point) =>
              h('label', [h('input', { type: 'radio', name: item.id, value: String(point + 1) }), ' ', txt(label)]))),
          ]))),
      ];
    case 'not-found':
      return [h('p', t('notFound.text')), h('p', h('a', { href: c.home }, t('notFound.home')))];
  }
}

function question(view: PageView, q: QuestionView, index: number): Element {
  const { t } = view;
  const name = `q-${q.id}`;
  const options = q.options;
  const correct = options.filter((o) => o.correct);
  return h('fieldset.question', { id: name, 'data-type': q.type }, [
    h('legend', [h('span.question-number', t('quiz.question', { number: index + 1 })), ' ', txt(q.prompt)]),
    q.type === 'multiple' ? h('p.hint', t('quiz.chooseAll')) : null,
    h('ul.options', options.map((o) =>
      h('li', h('label', [h('input', { type: q.type === 'multiple' ? 'checkbox' : 'radio', name, value: o.id }), ' ', txt(o.text)])))),
    h('details.answer', [
      h('summary', t('quiz.showAnswer')),
      h('p', [h('strong', t('quiz.correctAnswer', { count: correct.length })), ' ', ...correct.flatMap((o, i) => [i ? ', ' : '', txt(o.text)])]),
      h('p', [txt(q.feedback.correct)]),
    ]),
  ]);
}
