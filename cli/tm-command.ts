/**
 * Translation memory on the command line: `l10n tm export <course-dir|courses-dir|cms> [--locale
 * l] [--out file.tmx]` writes the approved translations as TMX 1.4b; `l10n tm import <file.tmx>
 * --into <courses-dir>` checks a TMX file and stores it in `<courses-dir>/translation-memory/`,
 * where `l10n export` finds it; `memoryForExport` is the memory `l10n export --tm` uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeTmx } from '../compiler/translation/formats/tmx.ts';
import {
  memoryFolderName,
  memoryLimits,
  readTmxFile,
  readTranslationMemory,
} from '../compiler/translation/read-translation-memory.ts';
import {
  localesMatch,
  TranslationMemory,
  type MemoryEntry,
} from '../compiler/translation/translation-memory.ts';
import type { TranslationUnit } from '../compiler/translation/translation-units.ts';
import { exitCodes, UsageError } from './exit-codes.ts';
import { printDiagnostics } from './report-diagnostics.ts';

/** The version TMX headers name (creationtoolversion): package.json's, from sources or dist/. */
function toolVersion(): string {
  for (let dir = import.meta.dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'polycourse' && pkg.version) return pkg.version;
  }
  return 'unknown';
}

/**
 * The memory of some places: folders, course folders, TMX files (read-translation-memory.ts) and
 * `cms`, every course of the CMS on DATABASE_URI. Problems go to stderr; not ok when a place named
 * cannot be used.
 */
async function readMemory(places: string[]) {
  const read = readTranslationMemory(places.filter((p) => p !== 'cms'));
  const fromCms = places.includes('cms') ? await readCmsMemory() : undefined;
  const diagnostics = [...(fromCms?.diagnostics ?? []), ...read.diagnostics];
  if (diagnostics.length) printDiagnostics(diagnostics);
  const memory = fromCms
    ? new TranslationMemory(
        [...fromCms.entries, ...read.memory.entries].slice(0, memoryLimits.entries),
      )
    : read.memory;
  return {
    ok: !diagnostics.some((d) => d.severity === 'error'),
    memory,
    courses: read.courses.length + (fromCms?.courses.length ?? 0),
    files: read.files.length,
  };
}

async function readCmsMemory() {
  const { withPayload } = await import('./cms-commands.ts');
  const { readCmsTranslationMemory } = await import('../cms/translation/translation-memory.ts');
  return withPayload((payload) => readCmsTranslationMemory(payload));
}

/**
 * The memory for `l10n export <course-dir>`: the places `--tm` names, by default the folder the
 * course is in (every course there, this one included, and its `translation-memory/` TMX files);
 * `--tm none` uses none.
 */
export async function memoryForExport(
  courseDir: string,
  tm: string[] | undefined,
): Promise<{ memory?: TranslationMemory; ok: boolean }> {
  if (tm?.length === 1 && tm[0] === 'none') return { ok: true };
  const read = await readMemory(tm?.length ? tm : [path.dirname(courseDir)]);
  return read.ok ? { memory: read.memory, ok: true } : { ok: false };
}

/** `l10n tm export` and `l10n tm import`. */
export async function tmCommand(
  action: string | undefined,
  target: string | undefined,
  options: { locales?: string[]; out?: string; into?: string },
): Promise<number> {
  if (!target)
    throw new UsageError(
      'usage: polycourse l10n tm export <course-dir|courses-dir|cms> [--locale <l>] ' +
        '[--out <file>] or polycourse l10n tm import <file.tmx> --into <courses-dir>',
    );
  if (action === 'export') return await exportMemory(target, options);
  if (action === 'import') return importMemory(target, options.into);
  throw new UsageError(`unknown l10n tm action "${action ?? ''}" (export or import)`);
}

async function exportMemory(
  location: string,
  options: { locales?: string[]; out?: string },
): Promise<number> {
  const read = await readMemory([location]);
  if (!read.ok) return exitCodes.invalid;
  const locales = options.locales ?? [];
  const entries = read.memory.entries.filter(
    (e) => !locales.length || locales.some((l) => localesMatch(l, e.targetLocale)),
  );
  const text = writeTmx(entries, { toolVersion: toolVersion() });
  const summary =
    `${entries.length} approved translations (${pairsOf(entries)}) from ` +
    `${read.courses} course(s) and ${read.files} TMX file(s)`;
  if (options.out) {
    fs.writeFileSync(options.out, text);
    process.stdout.write(`wrote ${options.out}: ${summary}\n`);
  } else {
    process.stdout.write(text);
    process.stderr.write(`${summary}\n`);
  }
  return exitCodes.ok;
}

/**
 * Check a TMX file and store it, as we write TMX (only what was read, no DOCTYPE nor foreign
 * markup), where `l10n export` looks by default: `<courses-dir>/translation-memory/<name>.tmx`.
 * A course folder given stands for the folder it is in. The same name again replaces the file.
 */
function importMemory(file: string, into: string | undefined): number {
  if (!into) throw new UsageError('l10n tm import needs --into <courses-dir>');
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile())
    throw new UsageError(`no such TMX file: ${file}`);
  if (!fs.statSync(into, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--into must be the folder your courses are in, got ${into}`);
  const read = readTmxFile(file);
  if (!read.ok) {
    printDiagnostics([read.problem]);
    process.stderr.write('TMX refused; nothing was stored.\n');
    return exitCodes.invalid;
  }
  const coursesDir = fs.existsSync(path.join(into, 'course.yaml')) ? path.dirname(into) : into;
  const folder = path.join(coursesDir, memoryFolderName);
  fs.mkdirSync(folder, { recursive: true });
  const stored = path.join(folder, `${path.basename(file).replace(/\.tmx$/i, '')}.tmx`);
  fs.writeFileSync(stored, writeTmx(read.entries, { toolVersion: toolVersion() }));
  process.stdout.write(
    `imported ${read.entries.length} entries (${pairsOf(read.entries)}) into ${stored}\n`,
  );
  return exitCodes.ok;
}

/** `en → fr, en → ar`: the language pairs of some entries. */
function pairsOf(entries: MemoryEntry[]): string {
  const pairs = new Set(entries.map((e) => `${e.sourceLocale} → ${e.targetLocale}`));
  return [...pairs].join(', ') || 'none';
}

/** `translation memory: 3 units pre-filled (exact matches, to review), 5 with matches offered`. */
export function memorySummary(units: TranslationUnit[]): string {
  const prefilled = units.filter((u) => u.memory?.prefilled).length;
  const offered = units.filter((u) => !u.memory?.prefilled && u.memory?.offered.length).length;
  return (
    `translation memory: ${prefilled} unit(s) pre-filled (exact matches, to review), ` +
    `${offered} with matches offered`
  );
}
