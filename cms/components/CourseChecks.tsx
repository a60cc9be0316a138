'use client';
/**
 * "Checks" on a course in the admin: what Publish bundles would refuse in the latest saved drafts
 * (GET /api/courses/:id/check, the compiler's own checks), each problem with an Edit link to the
 * unit, module or course that holds it. Publishing the course runs the same check and refuses on a
 * problem (cms/hooks/checkBeforePublish.ts).
 */
import React, { useState } from 'react';
import { Button, useDocumentInfo } from '@payloadcms/ui';
import type { CourseCheck, CourseProblem } from '../publish/check-course.ts';
import { useAdminT } from './use-admin-t.ts';

export function CourseChecks() {
  const t = useAdminT();
  const { id } = useDocumentInfo();
  const [state, setState] = useState<'idle' | 'checking' | 'done' | 'failed'>('idle');
  const [check, setCheck] = useState<CourseCheck | undefined>();
  const [error, setError] = useState<string | undefined>();

  const run = async () => {
    setState('checking');
    setError(undefined);
    try {
      const response = await fetch(`/api/courses/${id}/check`, { credentials: 'include' });
      const answer = await response.json();
      if (!response.ok)
        throw new Error(answer.error ?? t('admin.serverAnswered', { status: response.status }));
      setCheck(answer);
      setState('done');
    } catch (e) {
      setError((e as Error).message);
      setState('failed');
    }
  };

  const editLink = ({ kind, id }: CourseProblem['editTarget']) =>
    kind === 'unit'
      ? t('admin.checks.editUnit', { id: id ?? '' })
      : kind === 'module'
        ? t('admin.checks.editModule', { id: id ?? '' })
        : t('admin.checks.editCourse');
  // Line numbers as they are (not formatted as numbers: 1234, not 1,234).
  const place = (line: number, column?: number) =>
    column
      ? t('admin.checks.lineColumn', { line: String(line), column: String(column) })
      : t('admin.checks.line', { line: String(line) });

  if (!id) return null;
  return (
    <section
      className="polycourse-checks"
      aria-labelledby="polycourse-checks-title"
      data-check-state={state}
      style={{
        margin: '1.5rem 0',
        padding: '1rem',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
      }}
    >
      <h3 id="polycourse-checks-title" style={{ marginTop: 0 }}>
        {t('admin.checks.title')}
      </h3>
      <p className="field-description">{t('admin.checks.description')}</p>
      <Button buttonStyle="secondary" onClick={run} disabled={state === 'checking'}>
        {state === 'checking' ? t('admin.checks.checking') : t('admin.checks.check')}
      </Button>
      <div role="status" aria-live="polite">
        {state === 'done' && check?.ok && <p>{t('admin.checks.noProblems')}</p>}
        {state === 'failed' && (
          <p role="alert">{t('admin.checks.didNotFinish', { error: error ?? '' })}</p>
        )}
      </div>
      {state === 'done' && check && !check.ok && (
        <div role="alert">
          <p>{t('admin.checks.problems', { count: check.problems.length })}</p>
          <ul className="polycourse-check-problems">
            {check.problems.map((p, i) => (
              <li key={i} style={{ marginBottom: '0.5rem' }}>
                <a href={p.edit}>{editLink(p.editTarget)}</a>: {p.message}{' '}
                {p.ruleId && <code>[{p.ruleId}]</code>}
                {p.line ? ` ${place(p.line, p.column)}` : ''}
                {p.fix && <span className="field-description"> {p.fix}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
