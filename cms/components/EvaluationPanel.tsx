'use client';
/**
 * "Evaluation" on a course in the admin, for admins and evaluators: how many learners answered the
 * questionnaire before and after, the report of docs/evaluation.md in any of the course's
 * languages (GET /api/courses/:id/evaluation, shown in a frame that runs no script), a breakdown
 * by any grouping column, downloads (CSV, JSON), and the import of a responses CSV (POST
 * /api/courses/:id/responses) with every problem listed at its line and column.
 */
import React, { useCallback, useEffect, useState } from 'react';
import { Button, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui';
import { useAdminT } from './use-admin-t.ts';
import { withElements } from './admin-translate.tsx';

interface Problem {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  fix?: string;
}
interface Summary {
  n: number;
  unmatched: number;
}

const where = (p: Problem) =>
  [p.file, p.line, p.line !== undefined ? p.column : undefined]
    .filter((x) => x !== undefined)
    .join(':');

export function EvaluationPanel() {
  const t = useAdminT();
  const { id } = useDocumentInfo();
  const { user } = useAuth<{ roles?: string[] }>();
  const languages = useFormFields(([fields]) => fields.languages?.value as string[] | undefined);
  const source = useFormFields(([fields]) => fields.sourceLocale?.value as string | undefined);
  const [summary, setSummary] = useState<Summary | undefined>();
  const [groupColumns, setGroupColumns] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [problemsTitle, setProblemsTitle] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const [locale, setLocale] = useState<string | undefined>();
  const [by, setBy] = useState('');
  const [version, setVersion] = useState(0);
  const allowed = user?.roles?.some((r) => r === 'admin' || r === 'evaluator');
  const base = `/api/courses/${id}/evaluation`;

  const refresh = useCallback(async () => {
    if (!id || !allowed) return;
    setProblems([]);
    const response = await fetch(`${base}?format=json`, { credentials: 'include' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      setSummary(undefined);
      setProblemsTitle(t('admin.evaluation.noReport'));
      setProblems(body.diagnostics ?? [{ message: body.error ?? `HTTP ${response.status}` }]);
      return;
    }
    setSummary({ n: body.n, unmatched: body.unmatched });
    setGroupColumns((response.headers.get('x-group-columns') ?? '').split(',').filter(Boolean));
  }, [id, allowed, base, t]);

  useEffect(() => {
    void refresh();
  }, [refresh, version]);

  if (!id || !allowed) return null;

  const importFile = async (file: File) => {
    setNotice(undefined);
    setProblems([]);
    const response = await fetch(
      `/api/courses/${id}/responses?file=${encodeURIComponent(file.name)}`,
      {
        method: 'POST',
        credentials: 'include',
        body: await file.text(),
        headers: { 'content-type': 'text/csv' },
      },
    );
    const body = await response.json().catch(() => ({}));
    if (response.ok)
      setNotice(t('admin.evaluation.imported', { rows: body.imported, file: file.name }));
    else {
      setProblemsTitle(t('admin.evaluation.notImported', { file: file.name }));
      setProblems(body.diagnostics ?? [{ message: body.error ?? `HTTP ${response.status}` }]);
    }
    setVersion((v) => v + 1);
  };

  const shown = locale ?? source ?? 'en';
  const query = new URLSearchParams({ locale: shown, ...(by ? { by, minGroup: '10' } : {}) });
  const report = `${base}?${query}&v=${version}`;
  return (
    <section
      aria-labelledby="polycourse-evaluation-title"
      className="polycourse-evaluation"
      style={{
        margin: '1.5rem 0',
        padding: '1rem',
        border: '1px solid var(--theme-elevation-150)',
      }}
    >
      <h3 id="polycourse-evaluation-title" style={{ marginTop: 0 }}>
        {t('admin.evaluation.title')}
      </h3>
      <p className="field-description">
        {summary
          ? t('admin.evaluation.summary', { learners: summary.n, unmatched: summary.unmatched })
          : t('admin.evaluation.description')}
      </p>
      {notice && <p role="status">{notice}</p>}
      {problems.length > 0 && (
        <div role="alert" style={{ color: 'var(--theme-error-500)' }}>
          <p>{problemsTitle}</p>
          <ul className="polycourse-evaluation-problems">
            {problems.map((p, i) => (
              <li key={i}>
                {where(p) && <code>{where(p)}</code>} {p.message}
                {p.fix && <span> {t('admin.evaluation.fix', { fix: p.fix })}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {summary && (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'end' }}>
            <label>
              {t('admin.evaluation.language')}{' '}
              <select value={shown} onChange={(e) => setLocale(e.target.value)}>
                {(languages ?? [shown]).map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('admin.evaluation.breakDownBy')}{' '}
              <select value={by} onChange={(e) => setBy(e.target.value)}>
                <option value="">{t('admin.evaluation.nothing')}</option>
                {groupColumns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <a href={report} target="_blank" rel="noopener">
              {t('admin.evaluation.open')}
            </a>
            <a href={`${base}?format=csv`}>{t('admin.evaluation.csv')}</a>
            <a href={`${base}?format=json`}>{t('admin.evaluation.json')}</a>
          </div>
          <iframe
            title={t('admin.evaluation.report')}
            src={report}
            sandbox="allow-downloads"
            style={{
              width: '100%',
              height: '36rem',
              border: '1px solid var(--theme-elevation-150)',
              marginTop: '1rem',
            }}
          />
        </>
      )}
      <p style={{ marginTop: '1rem' }}>
        <label>
          {withElements((markers) => t('admin.evaluation.import', markers), {
            columns: <code>learner,phase,</code>,
          })}{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </p>
      <Button buttonStyle="secondary" onClick={() => setVersion((v) => v + 1)}>
        {t('admin.evaluation.refresh')}
      </Button>
    </section>
  );
}
