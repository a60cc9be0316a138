/**
 * Runs the compiler's body check on a lesson or sheet body before it is saved, so the CMS refuses
 * exactly what the compiler would, with the position in the message. The limits of
 * check-body-bounds.ts are checked here (one quick pass); the parse runs in a worker thread within
 * a time budget (check-body-in-worker.ts), so no body holds the server. The stored document is
 * unchanged when a body is refused.
 */
import { ValidationError, type FieldHook } from 'payload';
import { VFile } from 'vfile';
import { checkBodyBounds } from '../../compiler/mdx/check-body-bounds.ts';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import { checkBodyInWorker } from './check-body-in-worker.ts';

/** At most this many problems are listed on the field; the rest are counted. */
const listed = 20;

export const validateMdxBeforeChange: FieldHook = async ({ value, req, path }) => {
  if (typeof value !== 'string' || !value.trim()) return value;
  const field = path.join('.');
  const file = `${field}.${req.locale ?? ''}.mdx`;
  const messages = await problemsOf(value, file);
  if (messages.length) {
    const shown =
      messages.length > listed
        ? [...messages.slice(0, listed), `… and ${messages.length - listed} more problems.`]
        : messages;
    throw new ValidationError({
      collection: 'units',
      errors: shown.map((message) => ({ path: field, message })),
    });
  }
  return value;
};

/** One line per problem: `line:col message [rule] Fix: …`. */
async function problemsOf(text: string, file: string): Promise<string[]> {
  const bounds = new VFile({ value: text, path: file });
  if (!checkBodyBounds(bounds)) {
    return bounds.messages.map((m) =>
      problemLine({
        line: m.line ?? undefined,
        column: m.column ?? undefined,
        message: m.reason,
        ruleId: `polycourse:${m.ruleId}`,
        fix: m.note ?? undefined,
      }),
    );
  }
  const outcome = await checkBodyInWorker(text, file);
  switch (outcome.kind) {
    case 'checked':
      return outcome.problems.map(problemLine);
    case 'over-budget':
      return [
        `Checking this body took longer than ${outcome.budgetMs / 1000} s, ` +
          'so it was stopped and the body was not saved [polycourse:mdx-check-timeout] ' +
          'Fix: split it into shorter bodies or simplify its lists, tables and formatting ' +
          '(limits: docs/authoring.md#limits); if the server was busy, saving again may pass.',
      ];
    case 'failed':
      return [
        `The body could not be checked (${outcome.reason}), so it was not saved ` +
          '[polycourse:mdx-check-failed] ' +
          'Fix: save again; if this repeats, the server log says more.',
      ];
  }
}

function problemLine(
  p: Pick<Diagnostic, 'line' | 'column' | 'message' | 'ruleId' | 'fix'>,
): string {
  const fix = p.fix ? ` Fix: ${p.fix}` : '';
  return `${p.line ?? '?'}:${p.column ?? '?'} ${p.message} [${p.ruleId}]${fix}`;
}
