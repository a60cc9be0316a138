/**
 * Runs the compiler's body check on a lesson or sheet body before it is saved, so the CMS refuses
 * exactly what the compiler would, with the position in the message. The limits of
 * check-body-bounds.ts are checked here (one quick pass); the parse runs in a worker thread within
 * a time budget (check-body-in-worker.ts), so no body holds the server. The stored document is
 * unchanged when a body is refused.
 */
import { ValidationError, type FieldHook, type Validate } from 'payload';
import { VFile } from 'vfile';
import { checkBodyBounds } from '../../compiler/mdx/check-body-bounds.ts';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import { checkBodyInWorker } from './check-body-in-worker.ts';

/** At most this many problems are listed on the field; the rest are counted. */
const listed = 20;

/** A problem as REST clients get it beside the message: where, which rule, how to fix it. */
type Problem = Pick<Diagnostic, 'line' | 'column' | 'message' | 'ruleId' | 'fix'>;

export const validateMdxBeforeChange: FieldHook = async ({ value, req, path }) => {
  if (typeof value !== 'string' || !value.trim()) return value;
  const field = path.join('.');
  const file = `${field}.${req.locale ?? ''}.mdx`;
  const problems = await problemsOf(value, file, recent);
  if (problems.length) {
    const shown = problems.slice(0, listed).map((problem) => ({
      path: field,
      message: problemLine(problem),
      // The same problem, structured (REST: errors[0].data.errors[i].diagnostic).
      diagnostic: { ...problem, locale: req.locale ?? undefined },
    }));
    if (problems.length > listed)
      shown.push({
        path: field,
        message: `… and ${problems.length - listed} more problems.`,
        diagnostic: undefined as never,
      });
    throw new ValidationError({ collection: 'units', errors: shown });
  }
  return value;
};

/**
 * The same check while the author edits (Payload's form-state requests, `event: 'onChange'`; every
 * change of any field asks for one): after a refused save the problems stay on the field while
 * other fields change and go once the body is fixed. On save (no event) the beforeChange hook
 * above refuses with the structured problems, so this returns true there. A check that could not
 * finish says nothing here; the save reports it.
 */
export const validateMdxOnChange: Validate<unknown> = async (value, options) => {
  const { event, req } = options;
  if (event !== 'onChange' || typeof value !== 'string' || !value.trim()) return true;
  // Form-state validation gets the field's config, not its path (Payload 3.7x): a body is a
  // top-level field, so its name is its path.
  const field = (options as { name?: string }).name ?? 'body';
  const problems = await problemsOf(value, `${field}.${req.locale ?? ''}.mdx`, recent);
  if (!problems.length || problems.some(unfinished)) return true;
  const lines = problems.slice(0, listed).map(problemLine);
  if (problems.length > listed) lines.push(`… and ${problems.length - listed} more problems.`);
  return lines.join('\n');
};

/**
 * The checks of the last bodies, by text, finished or under way: a form-state request is sent on
 * every change of any field, and most leave the body as it was. A save and the form-state requests
 * of the same text share one check, so a form-state answer that arrives after a refused save says
 * what the save said (on a loaded server, its own check could run out of time and call the body
 * valid, hiding the problems the save had just shown).
 */
const recent = new Map<string, Promise<Problem[]>>();
const remembered = 32;

/** A check stopped by its budget or a failed worker: no finding about the body itself. */
const unfinished = (p: Problem) => /^polycourse:mdx-check-(timeout|failed)$/.test(p.ruleId ?? '');

/** Every problem of the body, as the compiler reports it. */
async function problemsOf(
  text: string,
  file: string,
  cache: Map<string, Promise<Problem[]>>,
): Promise<Problem[]> {
  const key = `${file}\n${text}`;
  const known = cache.get(key);
  if (known) return known;
  const check = checkedProblems(text, file);
  cache.set(key, check);
  if (cache.size > remembered) cache.delete(cache.keys().next().value!);
  const forget = () => cache.get(key) === check && cache.delete(key);
  const problems = await check.catch((error: unknown) => {
    forget();
    throw error;
  });
  // A check that did not finish is not kept: the next request checks again.
  if (problems.some(unfinished)) forget();
  return problems;
}

async function checkedProblems(text: string, file: string): Promise<Problem[]> {
  const bounds = new VFile({ value: text, path: file });
  if (!checkBodyBounds(bounds)) {
    return bounds.messages.map((m) => ({
      line: m.line ?? undefined,
      column: m.column ?? undefined,
      message: m.reason,
      ruleId: `polycourse:${m.ruleId}`,
      fix: m.note ?? undefined,
    }));
  }
  const outcome = await checkBodyInWorker(text, file);
  switch (outcome.kind) {
    case 'checked':
      return outcome.problems;
    case 'over-budget':
      return [
        {
          message:
            `Checking this body took longer than ${outcome.budgetMs / 1000} s, ` +
            'so it was stopped and the body was not saved',
          ruleId: 'polycourse:mdx-check-timeout',
          fix:
            'split it into shorter bodies or simplify its lists, tables and formatting ' +
            '(limits: docs/authoring.md#limits); if the server was busy, saving again may pass.',
        },
      ];
    case 'failed':
      return [
        {
          message: `The body could not be checked (${outcome.reason}), so it was not saved`,
          ruleId: 'polycourse:mdx-check-failed',
          fix: 'save again; if this repeats, the server log says more.',
        },
      ];
  }
}

/** One line per problem: `line:col message [rule] Fix: …` (no position: no prefix). */
function problemLine(p: Problem): string {
  const fix = p.fix ? ` Fix: ${p.fix}` : '';
  const at = p.line ? `${p.line}:${p.column ?? 1} ` : '';
  return `${at}${p.message} [${p.ruleId}]${fix}`;
}
