'use client';
/**
 * "Publish bundles" on a course in the admin: starts a build of the course's bundles from the CMS
 * (POST /api/courses/:id/publish), shows its progress and errors from the publish-jobs row, and
 * links the last bundles that built: the course per language, the zips a partner downloads, and
 * the LMS packages (SCORM 1.2, SCORM 2004, cmi5) asked for.
 */
import React, { useCallback, useEffect, useState } from 'react';
import { Button, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui';
import { mayPublishBundles, type StaffRights } from '../access/roles.ts';
import type { PublishJob } from '../payload-types.ts';
import { useAdminT } from './use-admin-t.ts';
import { withElements } from './admin-translate.tsx';

/** The latest publish-jobs row; `diagnostics` (a JSON field) holds the build's problems. */
type Job = Pick<PublishJob, 'id' | 'state' | 'done' | 'total' | 'createdAt'> & {
  diagnostics?: {
    message: string;
    path?: string;
    file?: string;
    line?: number;
    column?: number;
    ruleId?: string;
  }[];
};
interface Manifest {
  locales?: string[];
}

/** The LMS packages a publish can make (compiler/targets/target-names.ts packageNames). */
const packageKinds = [
  { name: 'scorm12', label: 'SCORM 1.2' },
  { name: 'scorm2004', label: 'SCORM 2004' },
  { name: 'cmi5', label: 'cmi5' },
] as const;
type PackageKind = (typeof packageKinds)[number]['name'];

/**
 * A locale's name in its own language (Français, العربية), as the bundles' language picker shows
 * it.
 */
function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/**
 * A publish whose process stopped before it finished (a crash, a restart):
 * cms/publish/fail-orphaned-publish-jobs.ts.
 */
const interrupted = (job: Job) =>
  (job.diagnostics ?? []).some((d) => d.ruleId === 'polycourse:publish-interrupted');

export function PublishBundles() {
  const t = useAdminT();
  const { id } = useDocumentInfo();
  const { user } = useAuth<StaffRights>();
  const courseId = useFormFields(([fields]) => fields.courseId?.value as string | undefined);
  const [job, setJob] = useState<Job | undefined>();
  const [manifest, setManifest] = useState<Manifest | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [approvedOnly, setApprovedOnly] = useState(false);
  const [wanted, setWanted] = useState<PackageKind[]>([]);
  /** The package kinds the last publish left (their all-locales zip answers). */
  const [published, setPublished] = useState<PackageKind[]>([]);

  const refresh = useCallback(async () => {
    if (!courseId) return;
    const jobs = await fetch(
      `/api/publish-jobs?where[courseId][equals]=${encodeURIComponent(courseId)}` +
        '&sort=-createdAt&limit=1&depth=0',
      { credentials: 'include' },
    )
      .then((r) => r.json())
      .catch(() => undefined);
    setJob(jobs?.docs?.[0]);
    const m = await fetch(`/bundles/${encodeURIComponent(courseId)}/manifest.json`, {
      cache: 'no-store',
    })
      .then((r) => (r.ok ? r.json() : undefined))
      .catch(() => undefined);
    setManifest(m);
    const found = await Promise.all(
      packageKinds.map(({ name }) =>
        fetch(`/bundles/${encodeURIComponent(courseId)}.${name}.zip`, {
          method: 'HEAD',
          cache: 'no-store',
        })
          .then((r) => (r.ok ? name : undefined))
          .catch(() => undefined),
      ),
    );
    setPublished(found.filter((n): n is PackageKind => Boolean(n)));
  }, [courseId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  // Ready the server's publisher while the author looks at the course: the first Publish bundles
  // then costs the build, not a process start (cms/publish/spawn-publish.ts).
  const mayPublish = mayPublishBundles(user ?? undefined);
  useEffect(() => {
    if (!id || !mayPublish) return;
    void fetch(`/api/courses/${id}/publish/ready`, {
      method: 'POST',
      credentials: 'include',
    }).catch(() => {});
  }, [id, mayPublish]);
  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [job?.state, refresh]);

  const publish = async () => {
    setError(undefined);
    const response = await fetch(`/api/courses/${id}/publish`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ approvedOnly, packages: wanted }),
    });
    if (!response.ok)
      setError(
        (await response.json().catch(() => ({}))).error ??
          t('admin.serverAnswered', { status: response.status }),
      );
    await refresh();
  };

  if (!mayPublishBundles(user ?? undefined))
    return (
      <p className="field-description polycourse-publish-not-yours">
        {t('admin.publish.notYours')}
      </p>
    );
  if (!id || !courseId) return <p className="field-description">{t('admin.publish.saveFirst')}</p>;
  const running = job?.state === 'running';
  const percent = job?.total ? Math.round(((job.done ?? 0) / job.total) * 100) : 0;
  return (
    <section
      className="polycourse-publish"
      aria-labelledby="polycourse-publish-title"
      style={{
        margin: '1.5rem 0',
        padding: '1rem',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
      }}
    >
      <h3 id="polycourse-publish-title" style={{ marginTop: 0 }}>
        {t('admin.publish.title')}
      </h3>
      <p className="field-description">{t('admin.publish.description')}</p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={approvedOnly}
            onChange={(e) => setApprovedOnly(e.target.checked)}
          />{' '}
          {t('admin.publish.approvedOnly')}
        </label>
      </p>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 1rem' }}>
        <legend>{t('admin.publish.packages')}</legend>
        {packageKinds.map(({ name, label }) => (
          <label key={name} style={{ marginInlineEnd: '1.5rem', whiteSpace: 'nowrap' }}>
            <input
              type="checkbox"
              name="packages"
              value={name}
              checked={wanted.includes(name)}
              onChange={(e) =>
                setWanted((w) => (e.target.checked ? [...w, name] : w.filter((n) => n !== name)))
              }
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <Button buttonStyle="primary" disabled={running} onClick={() => void publish()}>
        {running ? t('admin.publish.publishing') : t('admin.publish.publish')}
      </Button>
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {job && (
        <div aria-live="polite" data-publish-state={job.state}>
          {running && (
            <p>
              <progress max={100} value={percent} aria-label={t('admin.publish.progress')} />{' '}
              {job.total
                ? t('admin.publish.pagesDone', { done: job.done ?? 0, total: job.total })
                : t('admin.publish.starting')}
            </p>
          )}
          {job.state === 'done' && (
            <p>
              {t('admin.publish.finished', {
                date: new Date(job.createdAt).toLocaleString(),
                pages: job.done ?? 0,
              })}
            </p>
          )}
          {job.state === 'done' && (job.diagnostics ?? []).length > 0 && (
            <ul className="polycourse-not-published">
              {(job.diagnostics ?? []).map((d, i) => (
                <li key={i}>{d.message}</li>
              ))}
            </ul>
          )}
          {job.state === 'failed' && (
            <div role="alert">
              <p style={{ color: 'var(--theme-error-500)' }}>
                {interrupted(job) ? t('admin.publish.interrupted') : t('admin.publish.failed')}
              </p>
              <ul>
                {(job.diagnostics ?? []).map((d, i) => {
                  const place = [d.file ?? d.path, d.line, d.column].filter(Boolean).join(':');
                  return (
                    <li key={i}>
                      {place && (
                        <>
                          <code>{place}</code>{' '}
                        </>
                      )}
                      {d.message} {d.ruleId && <code>[{d.ruleId}]</code>}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </div>
      )}
      {manifest?.locales?.length ? (
        <div>
          <p>{t('admin.publish.published')}</p>
          <ul className="polycourse-bundles">
            {manifest.locales.map((locale) => (
              <li key={locale}>
                <a
                  href={`/bundles/${courseId}/${locale}/`}
                  target="_blank"
                  rel="noreferrer"
                  hrefLang={locale}
                >
                  {withElements((m) => t('admin.publish.open', { ...m, locale }), {
                    language: <span lang={locale}>{languageName(locale)}</span>,
                  })}
                </a>
                {' · '}
                <a href={`/bundles/${courseId}.${locale}.zip`} download>
                  {t('admin.publish.downloadZip')}
                </a>
                {packageKinds
                  .filter(({ name }) => published.includes(name))
                  .map(({ name, label }) => (
                    <React.Fragment key={name}>
                      {' · '}
                      <a href={`/bundles/${courseId}.${locale}.${name}.zip`} download>
                        {label}
                      </a>
                    </React.Fragment>
                  ))}
              </li>
            ))}
            <li>
              <a href={`/bundles/${courseId}.zip`} download>
                {t('admin.publish.allLanguages')}
              </a>
              {packageKinds
                .filter(({ name }) => published.includes(name))
                .map(({ name, label }) => (
                  <React.Fragment key={name}>
                    {' · '}
                    <a href={`/bundles/${courseId}.${name}.zip`} download>
                      {t('admin.publish.packageAllLanguages', { package: label })}
                    </a>
                  </React.Fragment>
                ))}
            </li>
          </ul>
        </div>
      ) : (
        <p>{t('admin.publish.none')}</p>
      )}
    </section>
  );
}
