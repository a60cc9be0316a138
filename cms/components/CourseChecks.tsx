'use client';
/**
 * "Checks" on a course in the admin: what Publish bundles would refuse in the latest saved drafts
 * (GET /api/courses/:id/check, the compiler's own checks), each problem with an Edit link to the
 * unit, module or course that holds it. Publishing the course runs the same check and refuses on a
 * problem (cms/hooks/checkBeforePublish.ts).
 */
import React, { useState } from 'react';
import { Button, useDocumentInfo } from '@payloadcms/ui';
import type { CourseCheck } from '../publish/check-course.ts';

export function CourseChecks() {
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
      if (!response.ok) throw new Error(answer.error ?? `The server answered ${response.status}.`);
      setCheck(answer);
      setState('done');
    } catch (e) {
      setError((e as Error).message);
      setState('failed');
    }
  };

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
        Checks
      </h3>
      <p className="field-description">
        What Publish bundles would refuse in the latest saved drafts: answer keys, missing media,
        links to units that do not exist, captions, lesson bodies, in every language. Publishing the
        course runs the same check.
      </p>
      <Button buttonStyle="secondary" onClick={run} disabled={state === 'checking'}>
        {state === 'checking' ? 'Checking…' : 'Check course'}
      </Button>
      <div role="status" aria-live="polite">
        {state === 'done' && check?.ok && <p>No problems: the bundles can be published.</p>}
        {state === 'failed' && <p role="alert">The check did not finish: {error}</p>}
      </div>
      {state === 'done' && check && !check.ok && (
        <div role="alert">
          <p>
            {check.problems.length} problem{check.problems.length === 1 ? '' : 's'} would stop
            Publish bundles:
          </p>
          <ul className="polycourse-check-problems">
            {check.problems.map((p, i) => (
              <li key={i} style={{ marginBottom: '0.5rem' }}>
                <a href={p.edit}>Edit {p.editLabel}</a>: {p.message}{' '}
                {p.ruleId && <code>[{p.ruleId}]</code>}
                {p.line ? ` (line ${p.line}${p.column ? `:${p.column}` : ''})` : ''}
                {p.fix && <span className="field-description"> {p.fix}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
