/**
 * The one way the body plugins report a problem: a fatal vfile message at the node's place, with
 * the rule id (without the `polycourse:` prefix, which render-body adds) and the fix as its note.
 */
import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export interface Problem {
  /** Rule id, e.g. `unknown-component`; each has a section in docs/rules.md. */
  rule: string;
  reason: string;
  /** How to fix it, in one sentence. */
  fix: string;
}

export function reportProblem(
  file: VFile,
  place: Node | Position | Point | undefined,
  problem: Problem,
): VFileMessage {
  const at = place && 'type' in place ? place.position : place;
  const message = file.message(problem.reason, {
    place: at,
    ruleId: problem.rule,
    source: 'polycourse',
  });
  message.fatal = true;
  message.note = problem.fix;
  return message;
}
