/**
 * `cmi5.html`, the launch page of a cmi5 package (the AU's url): a bar with the Exit button (shown
 * once an LMS session is open), the course's pages in a frame below it, the launch configuration
 * as JSON, and the cmi5 launcher script (runtime/lms/cmi5-launcher.ts).
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { pickText, type Course } from '../../model/course.ts';
import { localeInfo } from '../../model/locales.ts';
import { stripBidiOverrides } from '../../model/invisible-characters.ts';
import type { Cmi5LaunchConfig } from '../../../runtime/lms/cmi5-launcher.ts';

/** Where the launcher script goes in the package. */
export const cmi5LauncherScript = '_lms/cmi5-launcher.js';

/** The launch page's file name: the AU's url in cmi5.xml. */
export const cmi5LaunchFile = 'cmi5.html';

const styles =
  'html,body{margin:0;height:100%;overflow:hidden}' +
  'body{display:flex;flex-direction:column;font:1rem system-ui,sans-serif}' +
  'iframe{display:block;flex:1;border:0;width:100%;min-height:0}' +
  '#lms-bar{display:flex;justify-content:flex-end;padding:.25rem .5rem;' +
  'background:#f3f4f6;border-bottom:1px solid #d1d5db}' +
  '#lms-bar[hidden]{display:none}' +
  '#exit{font:inherit;padding:.25rem .75rem;cursor:pointer}' +
  '#notice{margin:0;padding:.5rem 1rem;background:#fff3cd}';

export function cmi5LaunchPage(course: Course, config: Cmi5LaunchConfig): string {
  const locale = config.locales[0];
  const info = localeInfo(locale);
  const title = stripBidiOverrides(pickText(course.title, locale, course.sourceLocale).value);
  // JSON inside <script>: "<" escaped so that no text can close the element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const tree = h('html', { lang: info.code, dir: info.dir }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', title),
      h('style', styles),
    ]),
    h('body', [
      h('header#lms-bar', { hidden: true }, [
        h('button#exit', { type: 'button', lang: 'en', dir: 'ltr' }, 'Exit'),
      ]),
      h('p#notice', { hidden: true, role: 'status', lang: 'en', dir: 'ltr' }),
      h('iframe#course', { title }),
      h('script#polycourse-lms', { type: 'application/json' }, json),
      h('script', { src: cmi5LauncherScript }),
    ]),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}
