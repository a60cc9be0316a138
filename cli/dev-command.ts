/**
 * `polycourse dev <course-dir>`: the author's loop. Builds the course as a preview (no service
 * worker, progress kept for the tab), serves it, watches the course folder and rebuilds what
 * changed in this warm process (the build's page cache reuses every page whose inputs did not
 * change), then reloads the open pages. A change that breaks the course shows its problems over
 * the page and in the terminal; the last good pages stay served. Documented in docs/cli.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildCourse, type BuildResult } from '../compiler/pipeline/build-course.ts';
import { formatDiagnostic } from '../compiler/model/diagnostic.ts';
import {
  keepParsedYaml,
  readCourse,
  type FolderSourceName,
} from '../compiler/sources/read-course.ts';
import {
  resolveStaticFile,
  startStaticServer,
  type StaticServer,
} from '../compiler/targets/static-server.ts';
import { exitCodes } from './exit-codes.ts';
import { printDiagnostics } from './report-diagnostics.ts';
import { createProgress } from './progress-bar.ts';

export interface DevCommandOptions {
  courseDir: string;
  /** How the folder is laid out (`--source`): a course folder, or the benchmark corpus. */
  source?: FolderSourceName;
  port: number;
  host: string;
  /** Locales to build (default: the course's source locale alone, the fastest loop). */
  locales?: string[];
  /** Where the preview is built (default: a folder of the system's temporary directory). */
  outDir?: string;
  json?: boolean;
  /** For tests: resolves once the server listens, with a way to stop it. */
  onReady?(dev: { url: string; stop(): void }): void;
}

/** What the server sends the open pages (server-sent events). */
type DevEvent =
  { type: 'reload'; rendered: number; ms: number } | { type: 'problems'; problems: string[] };

const eventsPath = '/__polycourse/events';
const clientPath = '/__polycourse/live.js';

export async function devCommand(options: DevCommandOptions): Promise<number> {
  const courseDir = path.resolve(options.courseDir);
  const layout = options.source ?? 'files';
  const entryFile = layout === 'corpus' ? 'corpus.json' : 'course.yaml';
  if (!fs.existsSync(path.join(courseDir, entryFile))) {
    process.stderr.write(
      `polycourse: ${options.courseDir} has no ${entryFile}; ` +
        'give the folder of a course, e.g. polycourse dev courses/rights-based-mental-health\n',
    );
    return exitCodes.usage;
  }
  const outDir =
    options.outDir ??
    path.join(
      os.tmpdir(),
      'polycourse-dev',
      crypto.createHash('sha256').update(courseDir).digest('hex').slice(0, 12),
    );
  const log = (line: string) => {
    if (options.json) process.stdout.write(`${JSON.stringify({ event: 'log', line })}\n`);
    else process.stdout.write(`${line}\n`);
  };

  // The course is read again on every save: unchanged YAML files are not parsed again.
  keepParsedYaml();
  const clients = new Set<http.ServerResponse>();
  let last: DevEvent | undefined;
  let entry = '/';
  const send = (event: DevEvent) => {
    last = event;
    for (const res of clients)
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  };

  /** One build of the preview; the first one shows a progress bar. */
  const build = async (first: boolean): Promise<BuildResult | undefined> => {
    const started = performance.now();
    const source = readCourse(courseDir, layout);
    const locales = options.locales ?? (source.course ? [source.course.sourceLocale] : undefined);
    const progress = createProgress('building', first && !options.json);
    let result: BuildResult;
    try {
      result = await buildCourse({
        courseDir,
        outDir,
        source,
        locales,
        preview: true,
        onProgress: (done, total, label) => progress.update(done, total, label),
      });
    } catch (error) {
      progress.stop();
      const problem = `The build stopped: ${(error as Error).message}`;
      log(problem);
      send({ type: 'problems', problems: [problem] });
      return undefined;
    } finally {
      progress.stop();
    }
    const ms = Math.round(performance.now() - started);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (!result.ok) {
      if (options.json) process.stdout.write(`${JSON.stringify({ event: 'problems', errors })}\n`);
      else printDiagnostics(errors);
      log('The preview keeps the last good build; fix the problems above and save.');
      send({ type: 'problems', problems: errors.map(formatDiagnostic) });
      return result;
    }
    if (result.courseId) entry = `/${result.courseId}/${result.locales[0]}/`;
    if (options.json)
      process.stdout.write(`${JSON.stringify({ event: 'built', ...pick(result), ms })}\n`);
    else if (!first) log(`Rebuilt ${result.rendered} of ${result.pages} pages in ${ms} ms`);
    send({ type: 'reload', rendered: result.rendered, ms });
    return result;
  };

  const first = await build(true);
  let server: StaticServer;
  try {
    server = await startStaticServer(outDir, options.port, options.host, {
      before: (req, res) =>
        answerDev(req, res, { outDir, clients, entry: () => entry, last: () => last }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `polycourse: port ${options.port} is already in use; pick another with --port <n>\n`
        : `polycourse: cannot listen on ${options.host}:${options.port} (${code})\n`,
    );
    return exitCodes.usage;
  }
  const url = new URL(entry, server.url).href;
  if (options.json) process.stdout.write(`${JSON.stringify({ event: 'ready', url })}\n`);
  else {
    if (first?.ok)
      log(
        `Built ${first.pages} pages (${first.locales.join(', ')}) ` +
          `in ${(first.durationMs / 1000).toFixed(1)} s`,
      );
    const shown = path.relative(process.cwd(), courseDir);
    log(`Previewing ${shown.startsWith('..') ? courseDir : shown || '.'} at ${url}`);
    log('Watching for changes; saved files rebuild and reload the page. Press Ctrl+C to stop.');
  }

  // Rebuild once per burst of changes (an editor writes a file in several steps), one at a time.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  const rebuild = () => {
    if (running) {
      again = true;
      return;
    }
    running = build(false).finally(() => {
      running = undefined;
      if (again) {
        again = false;
        rebuild();
      }
    });
  };
  const watcher = fs.watch(courseDir, { recursive: true }, (_event, name) => {
    if (!name || ignored(String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(rebuild, 15);
  });

  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  options.onReady?.({ url, stop });
  process.once('SIGINT', stop).once('SIGTERM', stop);
  await stopped;
  process.off('SIGINT', stop).off('SIGTERM', stop);
  watcher.close();
  clearTimeout(timer);
  await running;
  for (const res of clients) res.end();
  await server.close();
  return exitCodes.ok;
}

const pick = ({ pages, rendered }: BuildResult) => ({ pages, rendered });

/** Editors' and systems' side files, and hidden folders: not the course. */
function ignored(name: string): boolean {
  return name.split(path.sep).some((part) => part.startsWith('.')) || /(~|\.swp|\.tmp)$/.test(name);
}

/**
 * The dev server's own answers: the events stream, the client script, the entry redirect, and
 * every HTML page with the client script added and no caching. Everything else is the bundle's.
 */
function answerDev(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  dev: {
    outDir: string;
    clients: Set<http.ServerResponse>;
    entry(): string;
    last(): DevEvent | undefined;
  },
): boolean {
  const pathname = (req.url ?? '/').replace(/[?#].*$/s, '');
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (pathname === eventsPath) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // A page opened while the course has problems shows them at once.
    const last = dev.last();
    if (last?.type === 'problems') res.write(`event: problems\ndata: ${JSON.stringify(last)}\n\n`);
    else res.write(': connected\n\n');
    dev.clients.add(res);
    req.on('close', () => dev.clients.delete(res));
    return true;
  }
  if (pathname === clientPath) {
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : liveClient);
    return true;
  }
  if (pathname === '/') {
    res.writeHead(302, { location: dev.entry(), 'cache-control': 'no-store' }).end();
    return true;
  }
  const found = resolveStaticFile(dev.outDir, pathname);
  const html =
    (found.status === 200 && found.contentType.startsWith('text/html')) ||
    (found.status === 404 && found.contentType.startsWith('text/html'));
  if (!html) return false;
  const body = found.status === 200 ? fs.readFileSync(found.file) : found.body;
  const page = withLiveClient(body.toString());
  res.writeHead(found.status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(page),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : page);
  return true;
}

function withLiveClient(html: string): string {
  const tag = `<script src="${clientPath}" defer></script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}</body>`) : html + tag;
}

/**
 * The script every previewed page gets. On a new build: where only the page's <main> changed
 * (the rest of its HTML as before, and no interactive script that enhances it), the new <main>
 * replaces the old one in place, keeping the scroll position and skipping the stylesheet and
 * scripts; otherwise the page reloads. A build's problems show in a panel over the page (text
 * only). Plain browser script: it is served as is.
 */
const liveClient = `(() => {
  const events = new EventSource(${JSON.stringify(eventsPath)});
  let panel;
  const outside = (html) => html.replace(/<main[\\s\\S]*<\\/main>/, '');
  const page = () => fetch(location.href, { cache: 'no-store' }).then((r) => r.text());
  const swappable = document.body.dataset.unit !== undefined &&
    !document.querySelector('script[src*="/interactive-"]');
  let shown = swappable ? page() : undefined;
  events.addEventListener('reload', async () => {
    try {
      if (!shown) return location.reload();
      const [before, next] = [await shown, await page()];
      if (outside(before) !== outside(next)) return location.reload();
      const main = new DOMParser().parseFromString(next, 'text/html').querySelector('main');
      if (!main) return location.reload();
      document.querySelector('main').replaceWith(document.adoptNode(main));
      panel?.remove();
      panel = undefined;
      shown = Promise.resolve(next);
    } catch {
      location.reload();
    }
  });
  events.addEventListener('problems', (e) => {
    const { problems } = JSON.parse(e.data);
    if (!panel) {
      panel = document.createElement('section');
      panel.id = 'polycourse-dev-problems';
      panel.setAttribute('role', 'alert');
      panel.setAttribute('dir', 'ltr');
      panel.setAttribute('lang', 'en');
      panel.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;' +
        'z-index:2147483647;margin:0;padding:1rem;background:#fff;color:#1a1a1a;' +
        'border-top:4px solid #b00020;font:14px/1.5 ui-monospace,monospace;' +
        'box-shadow:0 -4px 16px rgb(0 0 0 / .25)';
      document.body.append(panel);
    }
    panel.replaceChildren();
    const title = document.createElement('h2');
    title.style.cssText = 'margin:0 0 .5rem;font-size:1rem;color:#b00020';
    title.textContent = 'The course has problems: this page is the last good build. ' +
      'Fix them and save.';
    const list = document.createElement('ul');
    list.style.cssText = 'margin:0;padding-inline-start:1.25rem';
    for (const problem of problems) {
      const item = document.createElement('li');
      item.style.whiteSpace = 'pre-wrap';
      item.textContent = problem;
      list.append(item);
    }
    panel.append(title, list);
  });
})();
`;
