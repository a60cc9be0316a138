/**
 * `polycourse <command>`: build, validate, verify, serve. Exit codes: 0 ok, 1 invalid content
 * (or a bundle that fails verification), 2 usage. Documented in docs/cli.md.
 */
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { exitCodes, UsageError } from './exit-codes.ts';
import {
  isTargetName,
  targetNames,
  type PackageName,
  type TargetName,
} from '../compiler/targets/target-names.ts';

const usage = [
  'Usage: polycourse <command> [options]',
  '',
  'Commands:',
  '  build <course-dir> --out <dir> [--locale <l>]… [--theme <name>] ' +
    '[--approved-only] [--target <t>]… [--zip] [--pseudo] [--base-url <url>] ' +
    '[--learner-services <url>] [--force] [--timings] [--json]',
  '                                  build static bundles: <dir>/<course-id>/<locale>/…; ' +
    '--target zip, scorm12,',
  '                                  scorm2004, cmi5 also packs them (per locale and all; ' +
    '--zip = --target zip)',
  '  build <dir> --source corpus --out <dir> …     the same, from the benchmark ' +
    'corpus layout (corpus.json)',
  '  build --from-cms <course-id> --out <dir> …   the same, from the CMS (DATABASE_URI)',
  '  build --from <cms-url> <course-id> --token <t> --out <dir> …   the same, from ' +
    'a remote CMS (REST)',
  '                                  (--drafts: the latest saved drafts instead of ' +
    'the published versions)',
  '  import <course-dir> [--json]    load a course folder into the CMS (idempotent; ' +
    'media deduplicated)',
  '  export <course-id> <dir> [--from <cms-url> --token <t>]',
  '                                  write a course from the CMS back as a course folder',
  '  cms [--port 3000] [--host 127.0.0.1] [--seed <course-dir>]',
  '                                  start the CMS admin ' +
    '(http://localhost:3000/admin): builds the admin app if needed,',
  '                                  migrates, imports the seed course on first run ' +
    'and publishes its bundles',
  '                                  (listens on 127.0.0.1 unless --host or ' +
    'POLYCOURSE_HOST says otherwise)',
  '  publish <course-id> [--approved-only] [--target scorm12,scorm2004,cmi5] [--json]',
  "                                  build the course's bundles from the CMS into " +
    'POLYCOURSE_BUNDLES_DIR (data/bundles)',
  '  validate <course-dir> [--json]  check a course without writing anything',
  '  validate --from-cms <course-id> [--drafts] [--json]   the same, from the CMS (DATABASE_URI)',
  '  verify <bundle-dir> [--json]    check a built bundle against its manifest.json',
  '  deploy <bundle-or-out-dir> s3://<bucket>/<prefix> [--endpoint <url>] [--region <r>] ' +
    '[--profile <p>] [--force-path-style] [--no-delete] [--dry-run] [--json]',
  '                                  upload bundles to S3 (or an S3-compatible server): ' +
    'what changed, pages last',
  '  dev <course-dir> [--locale <l>]… [--port 4321] [--host 127.0.0.1] [--out <dir>] [--json]',
  '                                  preview a course while writing it: rebuilds what ' +
    'changed on save and reloads the page',
  '  serve <dir> [--port 4321] [--host 127.0.0.1] [--json]',
  '                                  serve a folder of bundles on http://localhost',
  '  evaluate <responses.csv> [--course <course-dir>] [--reversed q03,…] [--by locale,…] ' +
    '[--scale 1-5] [--out <dir>] [--json]',
  '  evaluate --from-cms <course-id> [--by …] [--out <dir>] [--json]   the same, from the ' +
    'responses stored in the CMS',
  '                                  pre/post questionnaire evaluation: t-test, Wilcoxon, ' +
    'effect sizes, Holm; --out writes',
  '                                  an HTML report per locale with charts, items.csv, ' +
    'report.json (docs/evaluation.md)',
  '  l10n status <course-dir> [--locale <l>] [--json]',
  '                                  translation status: approved, translated, stale, missing',
  '  l10n mark <course-dir> --locale <l> [--approve]',
  "                                  record which source texts the locale's " +
    'translations were made from',
  '  l10n export <course-dir> --locale <l> [--format xliff12|xliff20|po] [--out <file>]',
  '      [--tm <courses-dir|course-dir|file.tmx|cms|none>]…   translation memory (default: ' +
    'the folder the course is in)',
  "      [--base-url <url>] [--screenshots <dir>]   link each unit's page where the course " +
    'is published;',
  '                                  a screenshot of each page with units (Chromium)',
  '  l10n import <course-dir> <file> [--locale <l>]',
  '                                  exchange a locale with a CAT tool; import ' +
    'checks everything first',
  '  l10n tm export <course-dir|courses-dir|cms> [--locale <l>] [--out <file.tmx>]',
  '  l10n tm import <file.tmx> --into <courses-dir>',
  '                                  approved translations as TMX 1.4b, and a TMX kept ' +
    'for l10n export',
  '  l10n machine <course-dir> --locale <l> --provider pseudo|<module.mjs> ' +
    '[--only missing,stale] [--timeout <s>] [--max-characters <n>]',
  '                                  fill the locale with machine translation drafts, ' +
    'marked for review',
  '  l10n glossary <course-dir> [--locale <l>,…] [--format tbx|tbx-v3|csv] [--out <file>]',
  '                                  the glossary with its translations, for a CAT tool',
  '',
  'Exit codes: 0 ok, 1 invalid content or failed verification, 2 usage error.',
  'See docs/cli.md.',
].join('\n');

/**
 * Runs one command. `entry` is the script that started this process (bin/polycourse.mjs), which
 * a build may run again (build-command.ts); in-process callers such as tests leave it out.
 */
export async function main(argv: string[], entry?: string): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build': {
        const { values, positionals } = parse(rest, {
          out: { type: 'string', short: 'o' },
          locale: { type: 'string', short: 'l', multiple: true },
          theme: { type: 'string' },
          zip: { type: 'boolean' },
          target: { type: 'string', short: 't', multiple: true },
          json: { type: 'boolean' },
          'cache-dir': { type: 'string' },
          pseudo: { type: 'boolean' },
          'approved-only': { type: 'boolean' },
          'from-cms': { type: 'string' },
          from: { type: 'string' },
          token: { type: 'string' },
          drafts: { type: 'boolean' },
          source: { type: 'string' },
          'base-url': { type: 'string' },
          'learner-services': { type: 'string' },
          force: { type: 'boolean' },
          timings: { type: 'boolean' },
        });
        if (!values.out) throw new UsageError('build needs --out <dir>');
        const baseUrl = values['base-url'] === undefined ? undefined : siteUrl(values['base-url']);
        const remote = { ...cmsLocation(values), drafts: !!values.drafts };
        if (values['from-cms'] && remote.url)
          throw new UsageError(
            'give either --from-cms <course-id> (this CMS) or ' +
              '--from <url> <course-id> (a remote CMS), not both',
          );
        if (values['from-cms'] && positionals.length)
          throw new UsageError('give either <course-dir> or --from-cms <course-id>, not both');
        const fromCms =
          (values['from-cms'] as string | undefined) ??
          (remote.url ? one(positionals, 'course-id') : undefined);
        const courseDir = fromCms ? '' : one(positionals, 'course-dir');
        if (values.drafts && !fromCms)
          throw new UsageError(
            '--drafts builds the latest drafts from a CMS: use it with --from-cms or --from',
          );
        if (values.source !== undefined && fromCms) {
          throw new UsageError(
            '--source says how a <course-dir> is laid out: not with --from-cms or --from',
          );
        }
        const source = fromCms
          ? await (
              await import('./cms-commands.ts')
            ).readFromCms(fromCms, values['cache-dir'] ?? path.join(values.out, '.cache'), remote)
          : undefined;
        // A folder in another layout is read only once the build knows it has work to do.
        const folderSource = values.source;
        const readSource =
          folderSource === undefined ? undefined : () => readFolder(courseDir, folderSource);
        // each command loads only what it needs
        const { buildCommand } = await import('./build-command.ts');
        return await buildCommand({
          courseDir: courseDir && path.resolve(courseDir),
          source,
          outDir: path.resolve(values.out),
          locales: splitList(values.locale),
          theme: values.theme,
          targets: [...buildTargets(values.target), ...(values.zip ? (['zip'] as const) : [])],
          json: !!values.json,
          pseudo: !!values.pseudo,
          approvedOnly: !!values['approved-only'],
          preview: !!values.drafts,
          baseUrl,
          learnerServices:
            values['learner-services'] === undefined
              ? undefined
              : servicesUrl(values['learner-services']),
          cacheDir: values['cache-dir'] && path.resolve(values['cache-dir']),
          readSource,
          sourceName: folderSource,
          force: !!values.force,
          timings: !!values.timings,
          commandLine: entry ? { entry, args: argv } : undefined,
        });
      }
      case 'validate': {
        const { values, positionals } = parse(rest, {
          json: { type: 'boolean' },
          locale: { type: 'string', multiple: true },
          'from-cms': { type: 'string' },
          drafts: { type: 'boolean' },
          'cache-dir': { type: 'string' },
        });
        const fromCms = values['from-cms'] as string | undefined;
        if (fromCms && positionals.length)
          throw new UsageError('give either <course-dir> or --from-cms <course-id>, not both');
        if (values.drafts && !fromCms)
          throw new UsageError(
            '--drafts checks the latest drafts in the CMS: use it with --from-cms',
          );
        // The CMS's media are linked into a cache folder, as for a build.
        const source = fromCms
          ? await (
              await import('./cms-commands.ts')
            ).readFromCms(fromCms, values['cache-dir'] ?? path.join('data', 'checks', '.cache'), {
              drafts: !!values.drafts,
            })
          : undefined;
        const { validateCommand } = await import('./validate-command.ts');
        return await validateCommand({
          courseDir: fromCms ? '' : path.resolve(one(positionals, 'course-dir')),
          source,
          json: !!values.json,
          locales: splitList(values.locale),
        });
      }
      case 'evaluate': {
        const { values, positionals } = parse(rest, {
          course: { type: 'string' },
          'from-cms': { type: 'string' },
          items: { type: 'string', multiple: true },
          reversed: { type: 'string', multiple: true },
          scale: { type: 'string' },
          by: { type: 'string', multiple: true },
          'min-group': { type: 'string' },
          'zero-method': { type: 'string' },
          continuity: { type: 'boolean' },
          better: { type: 'string' },
          out: { type: 'string', short: 'o' },
          locale: { type: 'string', short: 'l', multiple: true },
          json: { type: 'boolean' },
        });
        const { evaluateCommand } = await import('./evaluate-command.ts');
        const fromCms = values['from-cms'] as string | undefined;
        if (fromCms && (positionals.length || values.course))
          throw new UsageError('give a responses.csv or --from-cms <course-id>, not both');
        return await evaluateCommand({
          csv: fromCms ? undefined : path.resolve(one(positionals, 'responses.csv')),
          fromCms,
          courseDir: values.course && path.resolve(values.course),
          settings: {
            items: splitList(values.items),
            reversed: splitList(values.reversed),
            scale: values.scale === undefined ? undefined : parseScale(values.scale),
            by: splitList(values.by) ?? [],
            minGroup: Number(values['min-group'] ?? 10),
            zeroMethod: choice(values['zero-method'] ?? 'wilcox', '--zero-method', [
              'wilcox',
              'pratt',
            ]),
            continuity: !!values.continuity,
          },
          better: choice(values.better ?? 'higher', '--better', ['higher', 'lower']),
          out: values.out && path.resolve(values.out),
          locales: splitList(values.locale),
          json: !!values.json,
        });
      }
      case 'verify': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
        const { verifyCommand } = await import('./verify-command.ts');
        return await verifyCommand({
          bundleDir: path.resolve(one(positionals, 'bundle-dir')),
          json: !!values.json,
        });
      }
      case 'serve': {
        const { values, positionals } = parse(rest, {
          port: { type: 'string', short: 'p' },
          host: { type: 'string' },
          json: { type: 'boolean' },
        });
        const port = Number(values.port ?? process.env.PORT ?? 4321);
        if (!/^\d+$/.test(String(values.port ?? process.env.PORT ?? 4321)) || port > 65535)
          throw new UsageError(
            `--port must be a port number, got "${values.port ?? process.env.PORT}"`,
          );
        if (positionals.length > 1)
          throw new UsageError(`expected one <dir>, got ${positionals.length}`);
        const { serveCommand } = await import('./serve-command.ts');
        return await serveCommand({
          dir: path.resolve(positionals[0] ?? 'output'),
          port,
          host: values.host ?? '127.0.0.1',
          json: !!values.json,
        });
      }
      case 'dev': {
        const { values, positionals } = parse(rest, {
          port: { type: 'string', short: 'p' },
          host: { type: 'string' },
          locale: { type: 'string', multiple: true },
          out: { type: 'string' },
          json: { type: 'boolean' },
          source: { type: 'string' },
        });
        const portText = String(values.port ?? process.env.PORT ?? 4321);
        if (!/^\d+$/.test(portText) || Number(portText) > 65535)
          throw new UsageError(`--port must be a port number, got "${portText}"`);
        if (positionals.length !== 1)
          throw new UsageError(`expected one <course-dir>, got ${positionals.length}`);
        const source = values.source ?? 'files';
        const sources = await import('../compiler/sources/read-course.ts');
        if (!sources.isFolderSourceName(source))
          throw new UsageError(
            `--source must be one of ${Object.keys(sources.folderSources).join(', ')}, ` +
              `got "${source}"`,
          );
        const { devCommand } = await import('./dev-command.ts');
        return await devCommand({
          courseDir: positionals[0],
          source,
          port: Number(portText),
          host: values.host ?? '127.0.0.1',
          locales: values.locale?.length ? values.locale : undefined,
          outDir: values.out ? path.resolve(values.out) : undefined,
          json: !!values.json,
        });
      }
      case 'export': {
        const { values, positionals } = parse(rest, {
          json: { type: 'boolean' },
          from: { type: 'string' },
          token: { type: 'string' },
        });
        if (positionals.length !== 2)
          throw new UsageError(
            'usage: polycourse export <course-id> <dir> [--from <url> --token <t>]',
          );
        const { exportCommand } = await import('./cms-commands.ts');
        return await exportCommand({
          courseId: positionals[0],
          dir: path.resolve(positionals[1]),
          json: !!values.json,
          from: cmsLocation(values),
        });
      }
      case 'import-responses': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
        if (positionals.length !== 2)
          throw new UsageError('usage: polycourse import-responses <course-id> <responses.csv>');
        if (!fs.existsSync(positionals[1]!))
          throw new UsageError(`no responses file at ${positionals[1]}`);
        const { importResponsesCommand } = await import('./cms-commands.ts');
        return await importResponsesCommand({
          courseId: positionals[0]!,
          csv: path.resolve(positionals[1]!),
          json: !!values.json,
        });
      }
      case 'import': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
        const { importCommand } = await import('./cms-commands.ts');
        return await importCommand({
          courseDir: path.resolve(one(positionals, 'course-dir')),
          json: !!values.json,
        });
      }
      case 'cms': {
        const { values } = parse(rest, {
          port: { type: 'string', short: 'p' },
          host: { type: 'string' },
          seed: { type: 'string' },
        });
        const port = Number(values.port ?? process.env.PORT ?? 3000);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port must be a port number, got "${values.port}"`);
        const host = values.host ?? (process.env.POLYCOURSE_HOST || '127.0.0.1');
        if (!host.trim())
          throw new UsageError(
            '--host must be an address or a host name, e.g. 127.0.0.1 or 0.0.0.0',
          );
        const { startCms } = await import('./start-cms.ts');
        return await startCms({
          port,
          host,
          seedCourseDir: path.resolve(values.seed ?? 'courses/rights-based-mental-health'),
          log: (line) => process.stderr.write(`${line}\n`),
        });
      }
      case 'publish': {
        const { values, positionals } = parse(rest, {
          job: { type: 'string' },
          json: { type: 'boolean' },
          'approved-only': { type: 'boolean' },
          target: { type: 'string', short: 't', multiple: true },
          serve: { type: 'boolean' },
        });
        if (values.serve) {
          const { publishServeCommand } = await import('./cms-commands.ts');
          return await publishServeCommand();
        }
        const packages = buildTargets(values.target).filter((t) => t !== 'folder' && t !== 'zip');
        const { publishCommand } = await import('./cms-commands.ts');
        return await publishCommand({
          courseId: one(positionals, 'course-id'),
          jobId: values.job,
          json: !!values.json,
          approvedOnly: !!values['approved-only'],
          packages: packages as PackageName[],
        });
      }
      case 'l10n': {
        const [action, ...args] = rest;
        const { values, positionals } = parse(args, {
          json: { type: 'boolean' },
          locale: { type: 'string', multiple: true },
          approve: { type: 'boolean' },
          format: { type: 'string' },
          out: { type: 'string', short: 'o' },
          tm: { type: 'string', multiple: true },
          into: { type: 'string' },
          'base-url': { type: 'string' },
          screenshots: { type: 'string' },
          provider: { type: 'string' },
          only: { type: 'string', multiple: true },
          timeout: { type: 'string' },
          'max-characters': { type: 'string' },
        });
        const machineOnly = [
          values.provider,
          values.only,
          values.timeout,
          values['max-characters'],
        ];
        if (action !== 'machine' && machineOnly.some((v) => v !== undefined))
          throw new UsageError(
            '--provider, --only, --timeout and --max-characters are options of l10n machine',
          );
        if (action === 'machine') {
          const { machineCommand } = await import('./machine-command.ts');
          return await machineCommand({
            courseDir: path.resolve(one(positionals, 'course-dir')),
            locales: splitList(values.locale),
            provider: values.provider,
            only: splitList(values.only),
            timeout: values.timeout,
            maxCharacters: values['max-characters'],
            json: !!values.json,
          });
        }
        if (action !== 'export' && (values['base-url'] ?? values.screenshots) !== undefined)
          throw new UsageError('--base-url and --screenshots are options of l10n export');
        if (action === 'tm') {
          const { tmCommand } = await import('./tm-command.ts');
          const [tmAction, target, ...more] = positionals;
          if (more.length) throw new UsageError(`l10n tm ${tmAction} takes one path`);
          // `cms`: the CMS's courses, not a folder (write ./cms for a folder of that name)
          const place = target === 'cms' ? target : target && path.resolve(target);
          return await tmCommand(tmAction, place, {
            locales: splitList(values.locale),
            out: values.out && path.resolve(values.out),
            into: values.into && path.resolve(values.into),
          });
        }
        const { l10nCommand } = await import('./l10n-command.ts');
        const [courseDir, file] =
          action === 'import' ? positionals : [one(positionals, 'course-dir')];
        if (!courseDir) throw new UsageError('missing <course-dir>');
        return await l10nCommand(action, {
          courseDir: path.resolve(courseDir),
          file: file && path.resolve(file),
          locales: splitList(values.locale),
          json: !!values.json,
          approve: !!values.approve,
          format: values.format,
          out: values.out && path.resolve(values.out),
          tm: splitList(values.tm),
          baseUrl: values['base-url'] === undefined ? undefined : siteUrl(values['base-url']),
          screenshots: values.screenshots && path.resolve(values.screenshots),
        });
      }
      case 'deploy': {
        const { values, positionals } = parse(rest, {
          endpoint: { type: 'string' },
          region: { type: 'string' },
          profile: { type: 'string' },
          'force-path-style': { type: 'boolean' },
          'no-delete': { type: 'boolean' },
          'dry-run': { type: 'boolean' },
          json: { type: 'boolean' },
        });
        if (positionals.length !== 2)
          throw new UsageError(
            'usage: polycourse deploy <bundle-or-out-dir> s3://<bucket>/<prefix> [options]',
          );
        const { deployCommand } = await import('./deploy-command.ts');
        return await deployCommand({
          dir: path.resolve(positionals[0]),
          target: positionals[1],
          endpoint: values.endpoint,
          region: values.region,
          profile: values.profile,
          forcePathStyle: !!values['force-path-style'],
          deleteDropped: !values['no-delete'],
          dryRun: !!values['dry-run'],
          json: !!values.json,
        });
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        if (!command) {
          console.error(usage);
          return exitCodes.usage;
        }
        console.log(usage);
        return exitCodes.ok;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`polycourse: ${(error as Error).message}\n\n${usage}`);
      return exitCodes.usage;
    }
    throw error;
  }
}

function parse(args: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']) {
  return parseArgs({ args, options, allowPositionals: true, strict: true }) as {
    values: Record<string, any>;
    positionals: string[];
  };
}

/**
 * --from <url> and --token (or POLYCOURSE_CMS_TOKEN, which keeps the secret out of the process
 * list).
 */
function cmsLocation(values: Record<string, unknown>): { url?: string; token?: string } {
  const url = values.from as string | undefined;
  if (url && !/^https?:\/\/[^/]/.test(url))
    throw new UsageError(`--from must be the CMS's http(s) URL, got "${url}"`);
  return { url, token: (values.token as string | undefined) ?? process.env.POLYCOURSE_CMS_TOKEN };
}

function one(positionals: string[], name: string): string {
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length
        ? `expected one <${name}>, got ${positionals.length}`
        : `missing <${name}>`,
    );
  return positionals[0];
}

/**
 * `build <dir> --source <name>`: read the folder with the source named (files, corpus), never
 * guessed.
 */
async function readFolder(dir: string, name: string) {
  const sources = await import('../compiler/sources/read-course.ts');
  if (!sources.isFolderSourceName(name)) {
    const names = Object.keys(sources.folderSources).join(', ');
    throw new UsageError(`--source must be one of ${names}, got "${name}"`);
  }
  return sources.readCourse(path.resolve(dir), name);
}

/** `--locale fr --locale ar` and `--locale fr,ar` both work. */
/** `--target a,b --target c`: known names only (the folder is always built). */
function buildTargets(values?: string[]): TargetName[] {
  const names = splitList(values) ?? [];
  const unknown = names.filter((n) => !isTargetName(n));
  if (unknown.length)
    throw new UsageError(
      `unknown --target ${unknown.join(', ')}: use ${targetNames.join(', ')} ` +
        '(several at once: --target zip,scorm12)',
    );
  return names as TargetName[];
}

/** `--scale 1-5` (lowest-highest) or `--scale 5` (1 to 5). */
function parseScale(value: string): { min: number; max: number } {
  const match = /^(?:(-?\d+)-)?(\d+)$/.exec(value.trim());
  const scale = match && { min: Number(match[1] ?? 1), max: Number(match[2]) };
  if (!scale || scale.max <= scale.min)
    throw new UsageError(`--scale must be lowest-highest, e.g. --scale 1-5, got "${value}"`);
  return scale;
}

function choice<T extends string>(value: string, flag: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function splitList(values?: string[]): string[] | undefined {
  return values
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * `--learner-services`: the CMS server's address (http or https, no query or fragment), without a
 * trailing slash.
 */
export function servicesUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username)
    throw new UsageError(
      `--learner-services must be the http(s) address of the CMS server that serves the learner ` +
        `services, such as https://cms.example.org (no query, fragment or user), got "${text}"`,
    );
  return url.href.replace(/\/+$/, '');
}

/**
 * `--base-url`: where the course's folder is served, as an absolute http(s) address ending in `/`
 * (added when missing).
 */
function siteUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username)
    throw new UsageError(
      `--base-url must be the http(s) address the course's folder is served at, such as ` +
        `https://learn.example.org/rights-course/ (no query, fragment or user), got "${text}"`,
    );
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
