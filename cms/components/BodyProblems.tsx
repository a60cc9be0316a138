'use client';
/**
 * Under a lesson or sheet body that the server refused: each problem's line of the body (and the
 * line before it), the offending line highlighted and a caret at the column, with the message and
 * the rule; the messages come from the field's error (cms/hooks/validateMdxBeforeChange.ts writes
 * `line:col message [rule] Fix: …`).
 */
import React from 'react';
import { useField } from '@payloadcms/ui';
import { useAdminT } from './use-admin-t.ts';

const problemPattern = /(?:^|\n|\s)(\d+):(\d+) (.+?) \[(polycourse:[a-z0-9-]+)\]/g;
/** At most this many problems are shown with their lines (the field lists them all). */
const shownProblems = 5;

export function BodyProblems({ path }: { path: string }) {
  const t = useAdminT();
  // Shown while the field carries the server's refusal (its error message), submitted or not. A
  // form-state answer that finds the body fixed marks it valid and keeps the old message.
  const { value, errorMessage, valid } = useField<string>({ potentiallyStalePath: path });
  if (!errorMessage || valid !== false || typeof value !== 'string') return null;
  const lines = value.split('\n');
  const problems = [...errorMessage.matchAll(problemPattern)].slice(0, shownProblems);
  if (!problems.length) return null;
  return (
    <div className="polycourse-body-problems" style={{ marginTop: '0.5rem' }}>
      {problems.map(([, lineText, columnText, message, rule], i) => {
        const line = Number(lineText);
        const column = Number(columnText);
        const number = (n: number) => String(n).padStart(String(line).length, ' ');
        return (
          <figure key={i} style={{ margin: '0 0 0.75rem' }}>
            <figcaption style={{ color: 'var(--theme-error-500)' }}>
              {t('admin.bodyProblems.at', {
                line: String(line),
                column: String(column),
                message,
              })}{' '}
              <code>[{rule}]</code>
            </figcaption>
            <pre
              style={{
                margin: '0.25rem 0 0',
                padding: '0.5rem',
                overflowX: 'auto',
                background: 'var(--theme-elevation-50)',
                fontSize: '0.8125rem',
              }}
            >
              <code>
                {line > 1 && `${number(line - 1)} │ ${lines[line - 2] ?? ''}\n`}
                <mark
                  data-line={line}
                  style={{ background: 'var(--theme-error-100)', color: 'inherit' }}
                >
                  {`${number(line)} │ ${lines[line - 1] ?? ''}`}
                </mark>
                {`\n${' '.repeat(String(line).length + 3 + Math.max(0, column - 1))}^`}
              </code>
            </pre>
          </figure>
        );
      })}
    </div>
  );
}
