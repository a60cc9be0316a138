/** The bundle's root index.html: a plain list of the course's languages, each in its own script. */
import { h } from 'hastscript';
import type { Root } from 'hast';
import { pickText, type Course } from '../model/course.ts';
import { localeInfo } from '../model/locales.ts';
import { stripBidiOverrides } from '../model/invisible-characters.ts';
import type { Translate } from '../ui-strings/ui-catalog.ts';
import { faviconHref } from './favicon.ts';

export function renderLanguageChooser(
  course: Course,
  locales: string[],
  translate: (locale: string) => Translate,
): Root {
  const source = localeInfo(course.sourceLocale);
  const title = (locale: string) =>
    stripBidiOverrides(pickText(course.title, locale, course.sourceLocale).value);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: source.code, dir: source.dir }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title(course.sourceLocale)),
          h('meta', {
            name: 'description',
            content: stripBidiOverrides(
              pickText(course.description, course.sourceLocale, course.sourceLocale).value,
            ),
          }),
          h('link', { rel: 'icon', type: 'image/svg+xml', href: faviconHref }),
          h(
            'style',
            'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem ' +
              'auto;padding:0 1rem;line-height:1.5}li{margin:.5rem 0;font-size:1.2rem}',
          ),
        ]),
        h(
          'body',
          h('main', [
            h('h1', title(course.sourceLocale)),
            h('h2', translate(course.sourceLocale)('home.chooseLanguage')),
            h(
              'ul',
              locales.map((l) => {
                const info = localeInfo(l);
                return h('li', { lang: l, dir: info.dir }, [
                  h('a', { href: `${l}/index.html`, hreflang: l }, [
                    h('strong', info.label),
                    ` — ${title(l)}`,
                  ]),
                ]);
              }),
            ),
          ]),
        ),
      ]),
    ],
  };
}
