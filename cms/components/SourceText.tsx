'use client';
/**
 * Under a localized field, when the admin edits a locale other than the course's source: the source
 * text this field translates and the field's status (missing, stale, translated, approved), from
 * GET /api/<collection>/:id/translation-fields. A stale field says the source changed since.
 */
import React, { useEffect, useState } from 'react';
import { useDocumentInfo, useLocale } from '@payloadcms/ui';
import type { DocumentFields as FieldsAnswer } from '../translation/course-translation-status.ts';
import { useAdminT } from './use-admin-t.ts';

const requests = new Map<string, Promise<FieldsAnswer>>();

export function SourceText({ path }: { path: string }) {
  const t = useAdminT();
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo();
  const locale = useLocale();
  const [answer, setAnswer] = useState<FieldsAnswer | undefined>();
  const updatedAt = (savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt ?? '';
  const key = `${collectionSlug}/${id}/${locale?.code}/${updatedAt}`;

  useEffect(() => {
    if (!id || !locale?.code) return;
    if (!requests.has(key)) {
      requests.set(
        key,
        fetch(
          `/api/${collectionSlug}/${id}/translation-fields` +
            `?locale=${encodeURIComponent(locale.code)}`,
          { credentials: 'include' },
        )
          .then((r) => (r.ok ? r.json() : { sourceLocale: null, fields: {} }))
          .catch(() => ({ sourceLocale: null, fields: {} })),
      );
    }
    let current = true;
    void requests.get(key)!.then((a) => {
      if (current) setAnswer(a);
    });
    return () => {
      current = false;
    };
  }, [key, id, collectionSlug, locale?.code]);

  if (!answer?.sourceLocale || locale?.code === answer.sourceLocale) return null;
  const entry = answer.fields[path];
  if (!entry) return null;
  const colors = {
    missing: 'var(--theme-error-500)',
    stale: 'var(--theme-warning-500)',
    machine: 'var(--theme-warning-500)',
    translated: 'var(--theme-elevation-600)',
    approved: 'var(--theme-success-500)',
  };
  return (
    <div
      className="polycourse-source-text"
      data-status={entry.status}
      style={{
        marginTop: '0.4rem',
        padding: '0.5rem 0.75rem',
        borderInlineStart: `3px solid ${colors[entry.status]}`,
        background: 'var(--theme-elevation-50)',
      }}
    >
      <strong className="polycourse-field-status" style={{ color: colors[entry.status] }}>
        {t(`admin.sourceText.status.${entry.status}`)}
      </strong>
      {entry.source !== undefined && (
        <>
          <span> · {t('admin.sourceText.source', { locale: answer.sourceLocale })}</span>
          <div
            lang={answer.sourceLocale}
            dir="auto"
            style={{
              whiteSpace: 'pre-wrap',
              marginTop: '0.25rem',
              maxHeight: '12em',
              overflow: 'auto',
            }}
          >
            {entry.source}
          </div>
        </>
      )}
    </div>
  );
}
