/**
 * Runs a list of phases on a fresh BuildState, in order, until one says `'stop'`, and sums the
 * state up as a BuildResult. A phase that throws leaves nothing behind: the staged bundle is
 * abandoned, and the image encoder is stopped.
 */
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../model/diagnostic.ts';
import type { BuildOptions, BuildResult, BuildState, Phase } from './build-state.ts';

export async function runPhases(options: BuildOptions, phases: Phase[]): Promise<BuildResult> {
  const state: BuildState = {
    options,
    started: performance.now(),
    cacheDir: options.cacheDir ?? path.join(options.outDir || '.', '.cache'),
    diagnostics: [],
    locales: [],
    total: 0,
    jobs: [],
    done: 0,
    rendered: 0,
    deliverables: [],
    phases: [],
  };
  try {
    for (const phase of phases) {
      const started = performance.now();
      const outcome = await phase(state);
      // named as its file: renderPlannedPages → render-planned-pages
      const name = phase.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      state.phases.push({ name, ms: Math.round(performance.now() - started) });
      if (outcome === 'stop') break;
    }
  } catch (error) {
    state.staging?.abandon();
    throw error;
  } finally {
    // A build that stopped before its images were staged does not wait for their encoder.
    state.imagesEncoding?.stop();
  }
  return resultOf(state);
}

function resultOf(state: BuildState): BuildResult {
  const { course, coverage, deliverables } = state;
  const durationMs = () => performance.now() - state.started;
  if (!course || !coverage) {
    // Stopped before rendering: what was found, nothing else.
    const summary = { courseId: course?.id, locales: [], pages: 0, rendered: 0, coverage: {} };
    const { diagnostics, phases } = state;
    return { ok: false, diagnostics, ...summary, durationMs: durationMs(), phases };
  }
  const result: BuildResult = {
    ok: !hasErrors(state.diagnostics),
    diagnostics: dedupe(state.diagnostics),
    courseId: course.id,
    locales: state.locales,
    pages: state.total,
    rendered: state.rendered,
    coverage,
    durationMs: durationMs(),
    phases: state.phases,
  };
  if (!deliverables.length) return result;
  const bundle = deliverables.find((d) => d.bundle)?.bundle;
  return { ...result, ...(bundle && { outputDir: bundle.dir }), deliverables };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const k = JSON.stringify(d);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
