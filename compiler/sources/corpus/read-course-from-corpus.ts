/**
 * The corpus source: the benchmark corpus layout of ../shared/bench (corpus.json +
 * <locale>/<module>/<lesson>.md + images/) → the course model. A second source proves the seam:
 * stages and targets do not change. Chosen explicitly (`polycourse build <corpus> --source
 * corpus`), never guessed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Course, LocalizedDocument } from '../../model/course.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { sha256 } from '../../model/fingerprint.ts';
import type { SourceResult } from '../source.ts';

interface CorpusJson {
  locales: { code: string; label: string; dir: string }[];
  structure: {
    slug: string;
    title: Record<string, string>;
    lessons: { slug: string; title: Record<string, string> }[];
  }[];
}

export const corpusMarker = 'corpus.json';

export function readCourseFromCorpus(corpusDir: string): SourceResult {
  const diagnostics: Diagnostic[] = [];
  const inputs: string[] = [];
  // The digest of each file read, kept for inputsHash: the hash describes exactly what was built,
  // without reading it all again or keeping the bytes (#17: flat memory).
  const read = new Map<string, string>();
  const readInput = (file: string): Buffer => {
    const data = fs.readFileSync(file);
    inputs.push(file);
    read.set(file, sha256(data));
    return data;
  };
  const manifestFile = path.join(corpusDir, corpusMarker);
  const display = (f: string) => path.relative(process.cwd(), f) || f;
  const result = (course?: Course): SourceResult => ({
    course,
    diagnostics,
    inputs,
    locate: () => ({ file: display(manifestFile) }),
    inputsHash: () =>
      sha256(
        ...inputs
          .sort()
          .flatMap((f) => [path.relative(corpusDir, f), read.get(f) ?? sha256(fs.readFileSync(f))]),
      ),
  });
  let corpus: CorpusJson;
  try {
    corpus = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as CorpusJson;
    readInput(manifestFile);
  } catch (error) {
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:corpus',
      file: display(manifestFile),
      message: `Cannot read the corpus manifest: ${(error as Error).message}`,
      fix: 'Generate it with shared/bench/gen-corpus.mjs.',
    });
    return result();
  }
  const locales = corpus.locales.map((l) => l.code);
  const sourceLocale = locales[0];
  const same = (text: string) => Object.fromEntries(locales.map((l) => [l, text]));
  const course: Course = {
    id: 'corpus',
    sourceLocale,
    locales,
    theme: 'default',
    title: same('Benchmark course'),
    description: {},
    points: {
      lessonViewed: 10,
      correctAnswer: 5,
      challengeDone: 20,
      replayCountsOnlyIfBetter: true,
    },
    glossary: [],
    modules: corpus.structure.map((m) => ({
      id: m.slug,
      title: m.title,
      summary: {},
      units: m.lessons.map((lesson) => {
        const body: LocalizedDocument = {};
        for (const locale of locales) {
          const file = path.join(corpusDir, locale, m.slug, `${lesson.slug}.md`);
          if (!fs.existsSync(file)) continue;
          const text = readInput(file).toString('utf8');
          body[locale] = { text, file: display(file), baseDir: `${locale}/${m.slug}` };
        }
        return { id: lesson.slug, kind: 'lesson' as const, title: lesson.title, body };
      }),
    })),
    mediaRoot: corpusDir,
    mediaDir: 'images',
  };
  return result(course);
}
