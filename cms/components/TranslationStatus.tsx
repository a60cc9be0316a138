'use client';
/**
 * The course's translation status in the admin: a bar per locale (approved, translated, stale,
 * missing), and for the locale being edited, the fields filtered to what needs work, each with its
 * source text and a link to the document that holds it; "Mark as translated" and "Approve" record
 * provenance.
 */
import React, { useCallback, useEffect, useState } from 'react';
import { Button, useAuth, useDocumentInfo, useLocale } from '@payloadcms/ui';
import { mayMarkLocale, type StaffRights } from '../access/roles.ts';
import type { CourseStatus as Answer } from '../translation/course-translation-status.ts';
import { useAdminT } from './use-admin-t.ts';

type Status = Answer['fields'][number]['status'];

const order: Status[] = ['approved', 'translated', 'machine', 'stale', 'missing'];
const colors: Record<Status, string> = {
  approved: '#1a7f37',
  translated: '#57606a',
  machine: '#8250df',
  stale: '#b35900',
  missing: '#cf222e',
};
const filters = ['work', 'missing', 'stale', 'machine', 'translated', 'approved', 'all'] as const;

function CoverageChart({ locales }: { locales: Answer['locales'] }) {
  const t = useAdminT();
  const rows = Object.entries(locales);
  const width = 360;
  return (
    <svg
      role="img"
      aria-label={t('admin.translation.chartLabel')}
      width={width + 300}
      height={rows.length * 22 + 24}
      style={{ maxWidth: '100%' }}
    >
      {rows.map(([locale, { counts, total }], i) => {
        let x = 40;
        const percent = total
          ? Math.round(((counts.approved + counts.translated) / total) * 100)
          : 0;
        return (
          <g key={locale} transform={`translate(0 ${i * 22})`}>
            <text x={0} y={15} fontSize={12} fill="currentColor">
              {locale}
            </text>
            {order.map((s) => {
              const w = total ? (counts[s] / total) * width : 0;
              const rect = (
                <rect key={s} x={x} y={3} width={w} height={16} fill={colors[s]}>
                  <title>{`${locale}: ${counts[s]} ${t(`admin.translation.status.${s}`)}`}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
            <text x={width + 48} y={15} fontSize={12} fill="currentColor">
              {t('admin.translation.chartSummary', {
                percent: percent / 100,
                machine: counts.machine,
                stale: counts.stale,
                missing: counts.missing,
              })}
            </text>
          </g>
        );
      })}
      <g transform={`translate(40 ${rows.length * 22 + 6})`}>
        {order.map((s, i) => (
          <g key={s} transform={`translate(${i * 90} 0)`}>
            <rect width={10} height={10} fill={colors[s]} />
            <text x={14} y={10} fontSize={11} fill="currentColor">
              {t(`admin.translation.status.${s}`)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

export function TranslationStatus() {
  const t = useAdminT();
  const { id } = useDocumentInfo();
  const locale = useLocale();
  // Only the buttons the server would accept for this user and locale.
  const { user } = useAuth<StaffRights>();
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [filter, setFilter] = useState<(typeof filters)[number]>('work');
  const [message, setMessage] = useState<string | undefined>();

  const load = useCallback(async () => {
    if (!id) return;
    const r = await fetch(
      `/api/courses/${id}/translation-status?locale=${encodeURIComponent(locale?.code ?? '')}`,
      { credentials: 'include' },
    );
    if (r.ok) setAnswer(await r.json());
  }, [id, locale?.code]);
  useEffect(() => {
    void load();
  }, [load]);

  const mark = async (approve: boolean) => {
    setMessage(undefined);
    const r = await fetch(`/api/courses/${id}/translation-mark`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: locale?.code, approve }),
    });
    const body = await r.json().catch(() => ({}));
    setMessage(
      r.ok
        ? t(approve ? 'admin.translation.approved' : 'admin.translation.marked', {
            locale: locale?.code,
          })
        : (body.error ?? t('admin.serverAnswered', { status: r.status })),
    );
    await load();
  };

  if (!id || !answer) return null;
  const editing = locale?.code && locale.code !== answer.sourceLocale ? locale.code : undefined;
  const shown = answer.fields.filter((f) =>
    filter === 'all'
      ? true
      : filter === 'work'
        ? f.status === 'missing' || f.status === 'stale' || f.status === 'machine'
        : f.status === filter,
  );
  return (
    <section
      className="polycourse-translation"
      aria-labelledby="polycourse-translation-title"
      style={{
        margin: '1.5rem 0',
        padding: '1rem',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
      }}
    >
      <h3 id="polycourse-translation-title" style={{ marginTop: 0 }}>
        {t('admin.translation.title')}
      </h3>
      <CoverageChart locales={answer.locales} />
      {!editing ? (
        <p className="field-description">{t('admin.translation.switchLocale')}</p>
      ) : (
        <div>
          <p>
            <label>
              {t('admin.translation.showIn', { locale: editing })}{' '}
              <select
                value={filter}
                onChange={(e) => setFilter(e.target.value as (typeof filters)[number])}
                aria-label={t('admin.translation.whichFields')}
              >
                {filters.map((value) => (
                  <option key={value} value={value}>
                    {t(`admin.translation.filter.${value}`)}
                  </option>
                ))}
              </select>
            </label>{' '}
            {t('admin.translation.shownOf', { shown: shown.length, total: answer.fields.length })}
          </p>
          <div style={{ display: 'flex', gap: '0.5rem' }}>
            {mayMarkLocale(user ?? undefined, editing, false) && (
              <Button buttonStyle="secondary" onClick={() => void mark(false)}>
                {t('admin.translation.mark', { locale: editing })}
              </Button>
            )}
            {mayMarkLocale(user ?? undefined, editing, true) && (
              <Button buttonStyle="secondary" onClick={() => void mark(true)}>
                {t('admin.translation.approve', { locale: editing })}
              </Button>
            )}
          </div>
          {message && <p role="status">{message}</p>}
          {shown.length === 0 && (
            <p>
              {t(
                filter === 'work'
                  ? 'admin.translation.nothingNeedsWork'
                  : 'admin.translation.nothingShown',
                { locale: editing },
              )}
            </p>
          )}
          <table
            hidden={shown.length === 0}
            className="polycourse-translation-fields"
            style={{ width: '100%', borderCollapse: 'collapse' }}
          >
            <thead>
              <tr>
                <th scope="col" style={{ textAlign: 'start' }}>
                  {t('admin.translation.column.status')}
                </th>
                <th scope="col" style={{ textAlign: 'start' }}>
                  {t('admin.translation.column.field')}
                </th>
                <th scope="col" style={{ textAlign: 'start' }}>
                  {t('admin.translation.column.source', { locale: answer.sourceLocale })}
                </th>
                <th scope="col" style={{ textAlign: 'start' }}>
                  {t('admin.edit')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, 200).map((f) => (
                <tr
                  key={f.path}
                  data-status={f.status}
                  style={{ borderTop: '1px solid var(--theme-elevation-100)' }}
                >
                  <td style={{ color: colors[f.status], fontWeight: 600 }}>
                    {t(`admin.translation.status.${f.status}`)}
                  </td>
                  <td>
                    <code>{f.path}</code>
                  </td>
                  <td
                    lang={answer.sourceLocale}
                    dir="auto"
                    style={{
                      maxWidth: '30em',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {f.source}
                  </td>
                  <td>
                    {f.doc && (
                      <a
                        href={
                          `/admin/collections/${f.doc.collection}/${f.doc.id}` +
                          `?locale=${encodeURIComponent(editing)}`
                        }
                      >
                        {t('admin.edit')}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > 200 && <p>{t('admin.translation.first200', { locale: editing })}</p>}
        </div>
      )}
    </section>
  );
}
