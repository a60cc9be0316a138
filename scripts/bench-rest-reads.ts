/**
 * The headless API under concurrency (#17: course, module and unit reads at Payload's default
 * depth, ≥ 200 requests/s with p99 ≤ 250 ms, 20 clients). Starts the real CMS (`polycourse cms`,
 * production build) with the demo course on the embedded SQLite (or `DATABASE_URI`), then runs
 * autocannon against each read as a partner's build reads them (`build --from`: an API key, the
 * published version), one after another, and prints requests/s, p50 and p99 of each. Reads are
 * answered from memory while unchanged (cms/content-read-cache.ts); `--no-cache` measures Payload
 * alone, `--postgres` runs the server on a fresh PostgreSQL database (POSTGRES_BENCH_URI, default
 * the local server's `test`) instead of the embedded SQLite.
 *
 *   npm run bench:rest -- [--seconds 10] [--connections 20] [--postgres] [--no-cache] [--json]
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { adminToken, cmsApi, startCmsServer } from '../test/helpers/cms-server.ts';
import { scratchPostgresDatabase } from '../test/helpers/scratch-postgres.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    course: { type: 'string', default: 'courses/rights-based-mental-health' },
    json: { type: 'boolean', default: false },
    postgres: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  },
});
const courseDir = path.resolve(values.course!);
const courseId = path.basename(courseDir);
const say = (line: string) => values.json || console.error(line);

const env: Record<string, string> = values['no-cache'] ? { POLYCOURSE_READ_CACHE: '0' } : {};
const base = process.env.POSTGRES_BENCH_URI ?? 'postgres://postgres@127.0.0.1:5432/test';
const scratch = values.postgres
  ? await scratchPostgresDatabase(base, `polycourse_bench_rest_${Date.now().toString(36)}`)
  : undefined;
if (scratch) env.DATABASE_URI = scratch.uri;
const database = values.postgres ? 'PostgreSQL' : 'SQLite';
say(`starting the CMS with ${courseId} on ${database}${values['no-cache'] ? ', no cache' : ''}…`);
const cms = await startCmsServer(courseDir, courseId, undefined, { env });
try {
  const token = await adminToken(cms);
  const api = cmsApi(cms, token);
  const course = (await api(`courses?where[courseId][equals]=${courseId}&depth=0`)).docs[0];
  const unit = (await api(`modules/${course.modules[0]}?depth=0`)).units[0];
  const reads: [string, string][] = [
    ['course (depth default)', `/api/courses/${course.id}?locale=en`],
    ['5 modules (depth default)', '/api/modules?limit=5&locale=en'],
    ['5 modules (depth=0)', '/api/modules?limit=5&depth=0&locale=en'],
    ['one unit (depth default)', `/api/units/${unit}?locale=en`],
    ['the course, without credentials', `/api/courses/${course.id}?locale=en`],
    ['a bundle page through the CMS', `/bundles/${courseId}/en/index.html`],
  ];
  const results = [];
  for (const [name, url] of reads) {
    const options = {
      url: `${cms.url}${url}`,
      connections: Number(values.connections),
      headers: name.includes('without credentials') ? {} : { authorization: `JWT ${token}` },
    };
    await autocannon({ ...options, duration: 2 }); // warm-up, not counted: the JIT, the first fill
    const result = await autocannon({ ...options, duration: Number(values.seconds) });
    const row = {
      name,
      url,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    };
    results.push(row);
    // The aim (#17) is for the course, module and unit reads at the default depth.
    const aimed = name.includes('depth default');
    const met = row.requestsPerSecond >= 200 && row.p99Ms <= 250 && !row.non2xx && !row.errors;
    say(
      `${name}: ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms` +
        (row.non2xx || row.errors ? ` (${row.non2xx} non-2xx, ${row.errors} errors)` : '') +
        (aimed ? ` (aim ≥ 200 req/s, p99 ≤ 250 ms: ${met ? 'met' : 'not met'})` : ''),
    );
  }
  const load = os.loadavg().map((l) => Number(l.toFixed(2)));
  if (values.json)
    console.log(JSON.stringify({ database, cache: !values['no-cache'], results, load }));
  else say(`load ${load.join(' ')}`);
} finally {
  await cms.stop();
  await scratch?.drop();
}
