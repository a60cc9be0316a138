/**
 * Where a translation unit appears, for the translator: the module, unit and field in words (with
 * the source locale's titles), the bundle page it is on, and that page's address and screenshot
 * when the export knows them. The exchange formats carry it in the note and as attributes.
 */
import type { Course, Localized, Unit, UnitKind } from '../model/course.ts';
import { translatableFields } from '../model/translatable-fields.ts';
import { pagePaths, planPages } from '../model/plan-pages.ts';

export interface UnitContext {
  /** e.g. `Module “Recovery” › lesson “What helps” › body, segment 3 of 13` */
  where: string;
  /** the page that shows it, relative to a locale folder of the bundle (`recovery/x/index.html`) */
  page: string;
  /** the page's address in the export's locale, when the export knows where the course is */
  url?: string;
  /** file name of the page's screenshot, when the export took one */
  screenshot?: string;
}

/** What an export knows beyond the course. */
export interface ContextOptions {
  /**
   * Where the course's folder is served, ending in `/` (as `polycourse build --base-url`): the
   * page of each unit is linked in that locale.
   */
  baseUrl?: string;
  /** page (as `UnitContext.page`) → the file name of its screenshot, for the pages taken */
  screenshots?: ReadonlyMap<string, string>;
}

/** A part of a field that is split: a body's segment or a caption file's cue. */
export interface FieldPart {
  name: 'segment' | 'cue';
  n: number;
  of: number;
}

const kindWords: Record<UnitKind, string> = {
  lesson: 'lesson',
  infosheet: 'information sheet',
  video: 'video',
  quiz: 'quiz',
  challenge: 'challenge',
};

const fieldWords: Record<string, string> = {
  intro: 'introduction',
  consent: 'consent text',
  prompt: 'prompt',
  commitment: 'commitment',
  transcript: 'transcript',
  captions: 'captions',
};

/** The words for a field of a model path and the page that shows it. */
export function fieldPlace(course: Course, path: string): { where: string; page: string } {
  const title = (text: Localized | undefined) => text?.[course.sourceLocale]?.trim();
  const named = (what: string, text: Localized | undefined) =>
    title(text) ? `${what} “${title(text)}”` : what;
  const [first, second, third, fourth, ...rest] = path.split('.');
  if (first === 'modules') {
    const module = course.modules.find((m) => m.id === second);
    const inModule = named('Module', module?.title);
    if (third !== 'units')
      return { where: `${inModule} › ${words(third)}`, page: pagePaths.module(second) };
    const unit = module?.units.find((u) => u.id === fourth);
    const inUnit = named(unit ? kindWords[unit.kind] : 'unit', unit?.title);
    return {
      where: `${inModule} › ${inUnit} › ${unitFieldWords(unit, rest)}`,
      page: pagePaths.unit(second, fourth),
    };
  }
  if (first === 'glossary') {
    const term = course.glossary.find((g) => g.id === second);
    return {
      where: `Glossary › ${named('entry', term?.term)} › ${third}`,
      page: pagePaths.glossary,
    };
  }
  if (first === 'questionnaire') {
    const q = course.questionnaire;
    const inQuestionnaire = named('Questionnaire', q?.title);
    const field =
      second === 'scale'
        ? `answer scale, point ${Number(third) + 1} of ${q?.scaleLabels.length ?? '?'}`
        : second === 'items'
          ? `statement ${ordinal(q?.items, third)}`
          : words(second);
    return { where: `${inQuestionnaire} › ${field}`, page: pagePaths.questionnaire('pre') };
  }
  return { where: `${named('Course', course.title)} › ${words(first)}`, page: pagePaths.home };
}

/** A unit's own field in words: `question 2 of 5 › option b`, `body`. */
function unitFieldWords(unit: Unit | undefined, rest: string[]): string {
  const [field, id, ...more] = rest;
  if (field !== 'questions' || unit?.kind !== 'quiz') return words(field);
  const question = `question ${ordinal(unit.questions, id)}`;
  const [part, which] = more;
  const detail =
    part === 'feedback'
      ? `feedback when ${which === 'correct' ? 'right' : 'wrong'}`
      : part === 'options'
        ? `option ${which}`
        : part === 'optionFeedback'
          ? `feedback on option ${which}`
          : part === 'targets'
            ? `match target ${which}`
            : words(part);
  return `${question} › ${detail}`;
}

const words = (field: string | undefined) => (field && fieldWords[field]) ?? field ?? '';

/** `3 of 17` for the item with that id, or the id when it is not found. */
function ordinal(list: { id: string }[] | undefined, id: string | undefined): string {
  const i = list?.findIndex((x) => x.id === id) ?? -1;
  return i < 0 ? String(id) : `${i + 1} of ${list!.length}`;
}

/** The address of a page of the bundle in a locale: the folder, as the build links it. */
export function pageUrl(baseUrl: string, locale: string, page: string): string {
  return `${baseUrl}${locale}/${page.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The context of one unit: a field, or one part of it. */
export function unitContext(
  course: Course,
  locale: string,
  path: string,
  options: ContextOptions,
  part?: FieldPart,
): UnitContext {
  const place = fieldPlace(course, path);
  return {
    where: part ? `${place.where}, ${part.name} ${part.n} of ${part.of}` : place.where,
    page: place.page,
    url: options.baseUrl && pageUrl(options.baseUrl, locale, place.page),
    screenshot: options.screenshots?.get(place.page),
  };
}

/**
 * The note for the translator, a line each: where, the page and its screenshot when known, the
 * most characters when there is a limit, then what the text is (`guidance`).
 */
export function noteWithContext(
  context: UnitContext,
  guidance: string,
  maxLength?: number,
): string {
  return [
    `${context.where}.`,
    context.url && `Page: ${context.url}`,
    context.screenshot && `Screenshot: ${context.screenshot}`,
    maxLength && `Max length: ${maxLength}`,
    guidance,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The pages that show a translatable text of the course, in reading order. */
export function pagesWithUnits(course: Course): string[] {
  const pages = new Set(translatableFields(course).map((f) => fieldPlace(course, f.path).page));
  return planPages(course)
    .map((p) => p.path)
    .filter((p) => pages.has(p));
}

/**
 * A file name for the screenshot of each page of the course: `<module>-<unit>.png`, `<module>.png`,
 * `home.png`, `glossary.png`, `questionnaire-pre.png`; the rare name two pages would share takes
 * `-2`.
 */
export function screenshotNames(course: Course): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const { path } of planPages(course)) {
    const base =
      path === pagePaths.home
        ? 'home'
        : path
            .replace(/(^|\/)index\.html$/, '')
            .replace(/\.html$/, '')
            .replaceAll('/', '-');
    let name = `${base}.png`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.png`;
    used.add(name);
    names.set(path, name);
  }
  return names;
}
