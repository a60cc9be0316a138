/**
 * Above the list of learner scores in the admin (admins only, as the list is): a course's
 * leaderboard as learners see it (cms/learners/leaderboard.ts: the top 20 of those who opted in,
 * overall or in one language, all time or this week), with how many learners have points and how
 * many of them take part. A plain GET form chooses the board, so it works without the admin's
 * scripts. A server component: it reads with the Local API.
 */
import React from 'react';
import type { ServerComponentProps } from 'payload';
import { adminTranslate } from './admin-translate.tsx';
import { boardParticipation, topLearners, type BoardQuery } from '../learners/leaderboard.ts';

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function StaffLeaderboard({
  payload,
  i18n,
  searchParams,
}: ServerComponentProps & { searchParams?: Params }) {
  const t = adminTranslate(i18n);
  const courses = (
    await payload.find({
      collection: 'courses',
      depth: 0,
      limit: 200,
      pagination: false,
      select: { courseId: true, languages: true },
      overrideAccess: true,
    })
  ).docs as unknown as { courseId: string; languages?: string[] | null }[];
  if (!courses.length) return null;
  const chosen = courses.find((c) => c.courseId === one(searchParams?.['board-course']));
  const course = chosen ?? courses[0];
  const locales = course.languages ?? [];
  const wanted = one(searchParams?.['board-locale']);
  const locale = wanted && locales.includes(wanted) ? wanted : undefined;
  const period: BoardQuery['period'] =
    one(searchParams?.['board-period']) === 'week' ? 'week' : 'all';
  const query: BoardQuery = { course: course.courseId, locale, period };
  const [top, { withPoints, listed }] = await Promise.all([
    topLearners(payload, query),
    boardParticipation(payload, query),
  ]);
  const label = { display: 'inline-flex', gap: '0.5rem', alignItems: 'center' } as const;
  // Payload's own colours and sizes (its CSS variables), so the form sits in the admin's theme.
  const control = {
    font: 'inherit',
    minHeight: '2.25rem',
    padding: '0.25rem 0.5rem',
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 'var(--style-radius-s)',
    background: 'var(--theme-input-bg)',
    color: 'var(--theme-text)',
  } as const;
  return (
    <section
      aria-labelledby="staff-leaderboard-title"
      className="polycourse-leaderboard"
      style={{ margin: '0 0 1.5rem', fontFamily: 'var(--font-body)' }}
    >
      <h2 id="staff-leaderboard-title" style={{ fontSize: '1.25rem', margin: '0 0 0.5rem' }}>
        {t('admin.leaderboard.title')}
      </h2>
      <form method="get" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.25rem' }}>
        <label style={label}>
          {t('admin.leaderboard.course')}
          <select name="board-course" defaultValue={course.courseId} style={control}>
            {courses.map((c) => (
              <option key={c.courseId} value={c.courseId}>
                {c.courseId}
              </option>
            ))}
          </select>
        </label>
        <label style={label}>
          {t('admin.leaderboard.language')}
          <select name="board-locale" defaultValue={locale ?? ''} style={control}>
            <option value="">{t('admin.leaderboard.allLanguages')}</option>
            {locales.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label style={label}>
          {t('admin.leaderboard.period')}
          <select name="board-period" defaultValue={period} style={control}>
            <option value="all">{t('admin.leaderboard.allTime')}</option>
            <option value="week">{t('admin.leaderboard.thisWeek')}</option>
          </select>
        </label>
        <button type="submit" style={{ ...control, cursor: 'pointer', fontWeight: 600 }}>
          {t('admin.leaderboard.show')}
        </button>
      </form>
      <p style={{ margin: '0.75rem 0' }}>
        {t('admin.leaderboard.participation', { withPoints, listed })}
      </p>
      {top.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.leaderboard.rank')}</th>
              <th scope="col">{t('admin.leaderboard.name')}</th>
              <th scope="col">{t('admin.leaderboard.points')}</th>
            </tr>
          </thead>
          <tbody>
            {top.map((entry, i) => (
              <tr key={i}>
                <td>{entry.rank}</td>
                <td>
                  <bdi>{entry.name}</bdi>
                </td>
                <td>{entry.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p style={{ margin: '0.75rem 0' }}>{t('admin.leaderboard.empty')}</p>
      )}
    </section>
  );
}
