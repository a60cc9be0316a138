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
  /** Model path (e.g. `modules.human-rights.units.rights-quiz.title.fr`) when no file position applies. */
  path?: string;
  /** How to fix it, in one sentence. */
  fix?: string;
}

export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

/** `file:line:col` or the model path, the way editors and CI logs link to it. */
export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>): string {
  if (d.file)
    return [d.file, d.line, d.line !== undefined ? d.column : undefined]
      .filter((x) => x !== undefined)
      .join(':');
  return d.path ?? '(course)';
}

/** One line per diagnostic: `where severity message [rule]`, then the fix indented. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${formatLocation(d)}  ${d.severity}  ${d.message}  [${d.ruleId}]`;
  return d.fix ? `${head}\n    fix: ${d.fix}` : head;
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
