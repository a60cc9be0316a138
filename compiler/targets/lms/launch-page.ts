/**
 * `scorm.html`, the launch page of a SCORM package: the course's pages in a full-window frame, the
 * launch configuration as JSON, and the LMS launcher script (runtime/lms/scorm-launcher.ts).
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { pickText, type Course } from '../../model/course.ts';
import { localeInfo } from '../../model/locales.ts';
import { stripBidiOverrides } from '../../model/invisible-characters.ts';
import type { LaunchConfig } from '../../../runtime/lms/scorm-launcher.ts';

/** Where the launcher script goes in the package. */
export const launcherScript = '_lms/scorm-launcher.js';

export function launchPage(course: Course, config: LaunchConfig): string {
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
      h(
        'style',
        'html,body{margin:0;height:100%;overflow:hidden}' +
          'iframe{display:block;border:0;width:100%;height:100%}' +
          '#notice{margin:0;padding:.5rem 1rem;font:1rem system-ui,sans-serif;background:#fff3cd}',
      ),
    ]),
    h('body', [
      h('p#notice', { hidden: true, role: 'status' }, [
        'Opened outside an LMS: the course works here, and nothing is reported.',
      ]),
      h('iframe#course', { title }),
      h('script#polycourse-lms', { type: 'application/json' }, json),
      h('script', { src: launcherScript }),
    ]),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}
