/**
 * `cmi5.xml`, the course structure of a cmi5 package (cmi5 sections 13–14, namespace
 * https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd): the course and one AU, each with a
 * publisher id (a fully qualified IRI) and its title and description as one `langstring` per
 * language. The AU states its `moveOn` explicitly (an AU left at the default NotApplicable counts
 * as satisfied at registration), its `masteryScore` when the course has quizzes, launchMethod
 * AnyWindow and a relative url (the launch page inside the zip). Checked in
 * test/targets/cmi5-package.test.ts against the spec's rules.
 */

/** Where publisher ids start: `<base><course-id>` is the course's, then its packages'. */
export const publisherIriBase = 'https://polycourse.org/courses/';

export type MoveOn =
  'NotApplicable' | 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed';

/** A text per language, in order: `lang` is a BCP 47 tag. */
export type LangStrings = { lang: string; text: string }[];

export interface Cmi5StructureInput {
  /** The course's publisher id (IRI). */
  courseId: string;
  /** The AU's publisher id (IRI), not the course's. */
  auId: string;
  title: LangStrings;
  description: LangStrings;
  moveOn: MoveOn;
  /** 0–1, at most 4 decimals. */
  masteryScore?: number;
  /** The AU's launch page, relative to the package root. */
  url: string;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );

const langStrings = (strings: LangStrings, indent: string) =>
  strings
    .map(
      (s) => `${indent}<langstring lang="${escapeXml(s.lang)}">${escapeXml(s.text)}</langstring>`,
    )
    .join('\n');

/** The masteryScore attribute's text: a decimal in 0–1 with at most 4 decimals. */
export function masteryScoreText(score: number): string {
  const clamped = Math.min(1, Math.max(0, score));
  return String(Math.round(clamped * 10_000) / 10_000);
}

export function cmi5Structure(input: Cmi5StructureInput): string {
  const texts = (indent: string) =>
    `${indent}<title>\n${langStrings(input.title, `${indent}  `)}\n${indent}</title>\n` +
    `${indent}<description>\n${langStrings(input.description, `${indent}  `)}\n` +
    `${indent}</description>`;
  const mastery =
    input.masteryScore === undefined
      ? ''
      : ` masteryScore="${masteryScoreText(input.masteryScore)}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(input.courseId)}">
${texts('    ')}
  </course>
  <au id="${escapeXml(input.auId)}" moveOn="${input.moveOn}"${mastery} launchMethod="AnyWindow">
${texts('    ')}
    <url>${escapeXml(input.url)}</url>
  </au>
</courseStructure>
`;
}
