/** A problem found in course content: what, where, and how to fix it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable rule id, e.g. `polycourse:mdx-expression`. */
  ruleId: string;
  message: string;
  /** File relative to the working directory, when the problem is in a file. */
  file?: string;
  line?: number;
  column?: number;
  /**
   * Model path (e.g. `modules.human-rights.units.rights-quiz.title`): where in the course, alone or
   * beside a file position (a translated body names its file and its unit).
   */
  path?: string;
  /** The locale of the text the problem is in, when it is a translation's. */
  locale?: string;
  /** How to fix it, in one sentence. */
  fix?: string;
}

export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

/**
 * `file:line:col`, then the model path and locale when given, the way editors and CI logs link to
 * it (`modules/m/u.fr.mdx:3:1 modules.m.units.u.body:2 (fr)`).
 */
export function formatLocation(
  d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'path' | 'locale'>,
): string {
  const file = d.file
    ? [d.file, d.line, d.line !== undefined ? d.column : undefined]
        .filter((x) => x !== undefined)
        .join(':')
    : undefined;
  const where = [file, d.path].filter(Boolean).join(' ') || '(course)';
  return d.locale && !d.path?.endsWith(`.${d.locale}`) ? `${where} (${d.locale})` : where;
}

/**
 * Where a rule is explained: its section of docs/rules.md (`polycourse:mdx-syntax` →
 * `#mdx-syntax`).
 */
export function docsLink(ruleId: string): string {
  return `docs/rules.md#${ruleId.replace(/^polycourse:/, '')}`;
}

/** One line per diagnostic: `where severity message [rule]`, then the fix and the rule's docs. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${formatLocation(d)}  ${d.severity}  ${d.message}  [${d.ruleId}]`;
  const fix = d.fix ? `\n    fix: ${d.fix}` : '';
  return `${head}${fix}\n    see: ${docsLink(d.ruleId)}`;
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
