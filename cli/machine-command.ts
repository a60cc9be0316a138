/**
 * `polycourse l10n machine <course-dir> --locale l --provider pseudo|<module> [--only …]`: fill a
 * locale with machine translation drafts (compiler/translation/fill-machine-drafts.ts). A
 * provider is the built-in `pseudo` (offline) or a partner's module, loaded by its path, whose
 * default export is a MachineTranslator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  fillMachineDrafts,
  type DraftableState,
} from '../compiler/translation/fill-machine-drafts.ts';
import type { MachineTranslator } from '../compiler/translation/machine-translation.ts';
import { pseudoTranslator } from '../compiler/translation/pseudo-translator.ts';
import { exitCodes, UsageError } from './exit-codes.ts';
import { printDiagnostics, printJson } from './report-diagnostics.ts';

export interface MachineCommandOptions {
  courseDir: string;
  locales?: string[];
  provider?: string;
  only?: string[];
  /** seconds one provider call may take */
  timeout?: string;
  maxCharacters?: string;
  json: boolean;
}

export async function machineCommand(options: MachineCommandOptions): Promise<number> {
  if (options.locales?.length !== 1)
    throw new UsageError('l10n machine needs exactly one --locale <l>');
  if (!options.provider)
    throw new UsageError(
      'l10n machine needs --provider: pseudo (offline), or the path of your provider module',
    );
  const only = (options.only?.length ? options.only : ['missing']).map((o) => {
    if (o !== 'missing' && o !== 'stale')
      throw new UsageError(`--only must be missing, stale or both (missing,stale), got "${o}"`);
    return o as DraftableState;
  });
  const translator = await loadMachineTranslator(options.provider);
  const result = await fillMachineDrafts(options.courseDir, {
    locale: options.locales[0],
    translator,
    only,
    timeoutMs: options.timeout ? positive(options.timeout, '--timeout') * 1000 : undefined,
    maxCharacters: options.maxCharacters
      ? positive(options.maxCharacters, '--max-characters')
      : undefined,
  });
  if (options.json) printJson(result);
  else {
    printDiagnostics(result.diagnostics);
    if (result.ok)
      process.stdout.write(
        `${result.locale}: "${result.provider}" drafted ${result.drafted} units (texts, ` +
          `segments of bodies, caption cues) into ${result.written.length} files; they await ` +
          'review (l10n status, l10n export)\n',
      );
    else process.stderr.write('No drafts were stored; nothing was changed.\n');
  }
  return result.ok ? exitCodes.ok : exitCodes.invalid;
}

/**
 * `pseudo`, or a module by path (`./deepl.mjs`) whose default export is `{ name, translate }`.
 */
export async function loadMachineTranslator(provider: string): Promise<MachineTranslator> {
  if (provider === 'pseudo') return pseudoTranslator;
  if (!/[\\/]|\.[cm]?[jt]s$/.test(provider))
    throw new UsageError(
      `unknown provider "${provider}": use pseudo, or the path of your provider module ` +
        '(./my-provider.mjs, see docs/translating.md#machine-translation)',
    );
  const file = path.resolve(provider);
  if (!fs.existsSync(file)) throw new UsageError(`--provider: no file at ${file}`);
  const loaded = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  const translator = loaded as Partial<MachineTranslator> | undefined;
  if (typeof translator?.name !== 'string' || typeof translator.translate !== 'function')
    throw new UsageError(
      `--provider ${provider}: the module's default export must be a machine translator, ` +
        '{ name: string, translate(request) } (see docs/translating.md#machine-translation)',
    );
  return translator as MachineTranslator;
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!(n > 0)) throw new UsageError(`${flag} must be a positive number, got "${text}"`);
  return n;
}
