/**
 * Seeded random Markdown documents built from the constructs of lesson pages (headings,
 * paragraphs with emphasis and links in several scripts, lists, block quotes, tables, front
 * matter) and their near misses, to compare two parsers on more than the files we have.
 */

/** A small seeded generator (mulberry32): the same seed, the same documents. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of lesson text in several scripts (combining marks, 4-byte characters included). */
const plainWords = [
  'lesson',
  'care',
  'rights',
  'naïve',
  'café',
  'права',
  'людини',
  'δικαιώματα',
  'حقوق',
  'الإنسان',
  '权利',
  '心理健康',
  'अधिकार',
  'स्वास्थ्य',
  'haki',
  '😀',
  '𝒜x',
  '(note)',
  "it's",
  '"quoted"',
  '...',
  ':',
  ';',
  '?',
  '!',
  '2024',
  '%',
  '$5',
  '—',
  '।',
  '،',
  '。',
];
/** Words that begin and end with a letter: what emphasis wraps in lesson text. */
const letterWords = plainWords.filter((w) => /^\p{L}.*[\p{L}\p{M}]$|^\p{L}$/u.test(w));
/** Near misses: delimiters inside words, pipes, brackets, markers in the middle of a line. */
const trickyWords = [
  'snake_case_word',
  '2*3*4',
  'a_b',
  'x*',
  '*y',
  '_z',
  'w_',
  '#tag',
  '1.',
  '2)',
  '|',
  'a|b',
  '[x]',
  '--',
  '+',
  '=',
  '^',
  '{}',
  '#',
  '*',
  '_',
  '**',
  '__',
];

export function markdownDocuments(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  let words = plainWords;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const word = () => pick(words);
  const phrase = (n = int(1, 4)) => Array.from({ length: n }, word).join(' ');
  // Emphasis around words that begin and end with letters, or (near misses) anything.
  const wrapped = () =>
    words === plainWords || random() < 0.5
      ? [pick(letterWords), ...(random() < 0.5 ? [phrase(), pick(letterWords)] : [])].join(' ')
      : phrase();
  const inline = (): string => {
    switch (int(0, 11)) {
      case 0:
        return `*${wrapped()}*`;
      case 1:
        return `_${wrapped()}_`;
      case 2:
        return `**${wrapped()}**`;
      case 3:
        return `__${wrapped()}__`;
      case 4:
        return `***${wrapped()}***`;
      case 5:
        return `[${phrase()}](./lesson-${int(1, 9)}.md)`;
      case 6:
        return `[${phrase()}](https://example.org/${pick(['a', 'b/c', 'd?e=1'])})`;
      case 7:
        return `![${phrase()}](../../images/figure-0${int(1, 6)}.png)`;
      case 8:
        return `**${wrapped()} *${wrapped()}* ${wrapped()}**`;
      case 9:
        return `[**${wrapped()}**](./x.md)`;
      default:
        return phrase();
    }
  };
  const line = () => Array.from({ length: int(1, 6) }, inline).join(pick([' ', ' ', ', ', '. ']));
  const paragraph = () => Array.from({ length: int(1, 3) }, line).join('\n');
  const cell = () => (random() < 0.15 ? '' : pick([phrase(1), inline()]));
  const table = () => {
    const columns = int(1, 4);
    const edge = random() < 0.8;
    const row = (cells: string[]) => (edge ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const align = () => pick(['---', ':--', ':-:', '--:', '-----']);
    const rows = Array.from({ length: int(0, 3) }, () =>
      row(Array.from({ length: random() < 0.15 ? int(1, columns + 1) : columns }, cell)),
    );
    return [
      row(Array.from({ length: columns }, () => phrase(1))),
      row(Array.from({ length: columns }, align)),
      ...rows,
    ].join('\n');
  };
  const list = () => {
    const ordered = random() < 0.5;
    const start = pick([1, 1, 0, 3, 10]);
    const delimiter = pick(['.', ')']);
    const bullet = pick(['-', '*', '+']);
    return Array.from({ length: int(1, 4) }, (_, i) => {
      const marker = ordered ? `${start + i}${delimiter}` : bullet;
      return `${marker} ${line()}${random() < 0.15 ? `\n${line()}` : ''}`;
    }).join('\n');
  };
  const quote = () =>
    Array.from({ length: int(1, 3) }, () =>
      random() < 0.2 ? `> - ${line()}` : `${random() < 0.2 ? '> > ' : '> '}${line()}`,
    ).join('\n');
  const heading = () => `${'#'.repeat(int(1, 6))} ${line()}${random() < 0.1 ? ' ##' : ''}`;
  const block = () => pick([paragraph, paragraph, heading, list, quote, table])();
  return Array.from({ length: count }, () => {
    // A third of the documents have near misses in their text; the rest are plain lesson text.
    words = random() < 0.35 ? [...plainWords, ...trickyWords] : plainWords;
    const head = random() < 0.3 ? `---\ntitle: ${phrase(2)}\ndescription: ${phrase(3)}\n---\n` : '';
    const blocks = Array.from({ length: int(1, 8) }, block);
    const body = blocks.reduce((text, b) => text + (random() < 0.8 ? '\n\n' : '\n') + b);
    return head + (random() < 0.3 ? '\n' : '') + body + pick(['\n', '', '\n\n']);
  });
}
