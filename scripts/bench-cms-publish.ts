/**
 * Publishing from the CMS after a one-lesson edit (#17: bundles live ≤ 5 s after Publish bundles).
 * Starts the real CMS (`polycourse cms`, production build) seeded with the demo course, waits for
 * its first bundles, opens the course as the admin does (its Bundles panel readies the server's
 * publisher), waits 10 s as an author editing would, then `--runs` times: publishes an edit of
 * one English lesson (REST, as the admin's Publish changes does), presses Publish bundles (POST
 * /api/courses/:id/publish) and waits until the job is done and the edited page is served with
 * the new text. Prints each run and the median; `--json` for the numbers alone.
 *
 *   npm run bench:publish -- [--runs 5] [--course courses/rights-based-mental-health]
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminToken, cmsApi, startCmsServer } from '../test/helpers/cms-server.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    course: { type: 'string', default: 'courses/rights-based-mental-health' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const courseDir = path.resolve(values.course!);
const courseId = path.basename(courseDir);
const say = (line: string) => values.json || console.error(line);

say(`starting the CMS with ${courseId} (first run: import and a cold publish)…`);
const coldStart = performance.now();
const cms = await startCmsServer(courseDir, courseId);
say(`ready with bundles in ${((performance.now() - coldStart) / 1000).toFixed(1)} s`);
try {
  const token = await adminToken(cms);
  const api = cmsApi(cms, token);
  const course = (await api(`courses?where[courseId][equals]=${courseId}&depth=0`)).docs[0];
  const firstModule = (await api(`modules/${course.modules[0]}?depth=0`)) as {
    moduleId: string;
    units: string[];
  };
  const lesson = (await api(`units/${firstModule.units[0]}?depth=0&locale=en`)) as {
    id: string;
    unitId: string;
    body: string;
  };
  const page = `${cms.url}/bundles/${courseId}/en/${firstModule.moduleId}/${lesson.unitId}/`;
  // The author opens the course in the admin: its Bundles panel readies the publisher. Give it
  // the time a person takes to make the edit.
  await fetch(`${cms.url}/api/courses/${course.id}/publish/ready`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
  });
  await new Promise((r) => setTimeout(r, 10_000));
  const times: { saved: number; live: number }[] = [];
  for (let run = 1; run <= runs; run++) {
    const marker = `Edited for the publish benchmark, run ${run} at ${Date.now()}.`;
    const edited = performance.now();
    await api(`units/${lesson.id}?locale=en`, {
      method: 'PATCH',
      body: JSON.stringify({ body: `${lesson.body}\n\n${marker}`, _status: 'published' }),
    });
    const pressed = performance.now();
    const { job } = await api(`courses/${course.id}/publish`, { method: 'POST', body: '{}' });
    for (;;) {
      const state = (await api(`publish-jobs/${job}?depth=0`)).state;
      if (state === 'failed') throw new Error(`publish job ${job} failed`);
      if (state === 'done' && (await (await fetch(page)).text()).includes(marker)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const live = performance.now();
    times.push({ saved: pressed - edited, live: live - pressed });
    say(
      `run ${run}: lesson saved in ${Math.round(pressed - edited)} ms; ` +
        `Publish bundles → page live in ${Math.round(live - pressed)} ms`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const result = {
    course: courseId,
    runs,
    saveMedianMs: Math.round(median(times.map((t) => t.saved))),
    liveMedianMs: Math.round(median(times.map((t) => t.live))),
    liveSlowestMs: Math.round(Math.max(...times.map((t) => t.live))),
    aimMs: 5000,
    load: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  if (values.json) console.log(JSON.stringify(result));
  else {
    const met = result.liveSlowestMs <= result.aimMs ? 'met' : 'not met';
    console.log(
      `Publish bundles after a one-lesson edit: median ${result.liveMedianMs} ms, slowest ` +
        `${result.liveSlowestMs} ms (aim ≤ 5,000 ms: ${met}); load ${result.load.join(' ')}`,
    );
  }
} finally {
  await cms.stop();
}
