'use client';
/**
 * "Outline" on a course in the admin: its modules and their units as one tree (latest drafts), each
 * unit with its kind, its publishing status (draft, published, changed since published) and its
 * translation status per language; add a lesson, video, information sheet, quiz or challenge to a
 * module in one step (its id comes from the title); reorder units and move them between modules by
 * dragging, or with the Move up / Move down buttons and the module chooser (keyboard). Every change
 * is saved at once as a draft (GET/POST /api/courses/:id/outline); publishing the course publishes
 * it.
 */
import React, { useCallback, useEffect, useState } from 'react';
import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui';
import type {
  Outline,
  OutlineModule,
  OutlineUnit,
  PublishStatus,
} from '../outline/course-outline.ts';
import type { Translate } from '../../runtime/logic/translator.ts';
import { useAdminT } from './use-admin-t.ts';

const kinds: OutlineUnit['kind'][] = ['lesson', 'video', 'infosheet', 'quiz', 'challenge'];
const statusColors: Record<PublishStatus, string> = {
  draft: 'var(--theme-elevation-500)',
  published: 'var(--theme-success-500)',
  changed: 'var(--theme-warning-500)',
};

/** A unit's translation in one language, in a word: what needs work first. */
function translationWord(
  t: Translate,
  counts: Record<string, number> | undefined,
): {
  word: string;
  color: string;
} {
  if (!counts)
    return { word: t('admin.translation.status.missing'), color: 'var(--theme-error-500)' };
  if (counts.missing)
    return {
      word: t('admin.outline.missing', { count: counts.missing }),
      color: 'var(--theme-error-500)',
    };
  if (counts.stale)
    return {
      word: t('admin.outline.stale', { count: counts.stale }),
      color: 'var(--theme-warning-500)',
    };
  if (counts.machine)
    return {
      word: t('admin.outline.machine', { count: counts.machine }),
      color: 'var(--theme-warning-500)',
    };
  if (counts.translated)
    return { word: t('admin.translation.status.translated'), color: 'var(--theme-elevation-600)' };
  return { word: t('admin.translation.status.approved'), color: 'var(--theme-success-500)' };
}

/**
 * Read by screen readers, not shown. Clipped in place rather than moved off to the left: in a
 * right-to-left admin (Arabic) an element 9,999 px to the left widens the page by as much, and the
 * course page opened on an empty screen.
 */
const visuallyHidden: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

/** Small native controls (Payload's admin styles stretch selects and inputs). */
const control: React.CSSProperties = {
  width: '9rem',
  flex: '0 0 auto',
  height: '2rem',
  minHeight: 0,
  padding: '0 0.4rem',
  fontSize: '0.8125rem',
};

const pill = (color: string): React.CSSProperties => ({
  display: 'inline-block',
  padding: '0 0.4rem',
  borderRadius: 8,
  border: `1px solid ${color}`,
  color,
  fontSize: '0.75rem',
  lineHeight: 1.6,
  whiteSpace: 'nowrap',
});

export function CourseOutline() {
  const t = useAdminT();
  const { id } = useDocumentInfo();
  const { user } = useAuth<{ roles?: string[] }>();
  // Translators and reviewers see the outline; changing it is for admins and authors.
  const canEdit = Boolean(user?.roles?.some((r) => r === 'admin' || r === 'author'));
  const [outline, setOutline] = useState<Outline | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [dragged, setDragged] = useState<OutlineUnit['id'] | undefined>();

  const load = useCallback(async () => {
    const response = await fetch(`/api/courses/${id}/outline`, { credentials: 'include' });
    const answer = await response.json();
    if (response.ok) setOutline(answer);
    else setMessage(answer.error ?? t('admin.serverAnswered', { status: response.status }));
  }, [id, t]);
  useEffect(() => {
    if (id) void load();
  }, [id, load]);

  const post = async (body: object, done: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const response = await fetch(`/api/courses/${id}/outline`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = await response.json();
      if (!response.ok)
        throw new Error(answer.error ?? t('admin.serverAnswered', { status: response.status }));
      setMessage(done);
      await load();
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const move = (unit: OutlineUnit, module: OutlineModule, index: number) =>
    post(
      { action: 'move', unit: unit.id, module: module.id, index },
      t('admin.outline.moved', { unit: unit.title, module: module.title, position: index + 1 }),
    );

  if (!id) return null;
  return (
    <section
      className="polycourse-outline"
      aria-labelledby="polycourse-outline-title"
      style={{
        margin: '1.5rem 0',
        padding: '1rem',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
      }}
    >
      <h3 id="polycourse-outline-title" style={{ marginTop: 0 }}>
        {t('admin.outline.title')}
      </h3>
      <p className="field-description">
        {t('admin.outline.description')}
        {canEdit && ` ${t('admin.outline.howToEdit')}`}
      </p>
      <p role="status" aria-live="polite" className="polycourse-outline-message">
        {message}
      </p>
      {!outline ? (
        <p>{t('admin.outline.loading')}</p>
      ) : (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {outline.modules.map((module, mi) => (
            <li
              key={String(module.id)}
              className="polycourse-outline-module"
              data-module={module.moduleId}
              style={{ marginBottom: '1.25rem' }}
              onDragOver={(e) => dragged !== undefined && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const unit = outline.modules.flatMap((m) => m.units).find((u) => u.id === dragged);
                // Dropped on the module (not on a unit): at its end.
                if (unit && e.target === e.currentTarget)
                  void move(unit, module, module.units.filter((u) => u.id !== unit.id).length);
                setDragged(undefined);
              }}
            >
              <h4 style={{ margin: '0 0 0.5rem' }}>
                {`${mi + 1}. `}
                <a href={`/admin/collections/modules/${module.id}`}>{module.title}</a>{' '}
                <span style={pill(statusColors[module.status])}>
                  {t(`admin.outline.status.${module.status}`)}
                </span>
              </h4>
              <ol style={{ margin: 0, paddingInlineStart: '1.5rem' }}>
                {module.units.map((unit, ui) => (
                  <li
                    key={String(unit.id)}
                    className="polycourse-outline-unit"
                    data-unit={unit.unitId}
                    draggable={canEdit && !busy}
                    onDragStart={(e) => {
                      setDragged(unit.id);
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', unit.unitId);
                    }}
                    onDragOver={(e) => dragged !== undefined && e.preventDefault()}
                    onDrop={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      const moving = outline.modules
                        .flatMap((m) => m.units)
                        .find((u) => u.id === dragged);
                      setDragged(undefined);
                      if (!moving || moving.id === unit.id) return;
                      // Dropped on a unit: take its place (it and the ones after move down).
                      const rest = module.units.filter((u) => u.id !== moving.id);
                      void move(
                        moving,
                        module,
                        rest.findIndex((u) => u.id === unit.id),
                      );
                    }}
                    style={{
                      padding: '0.35rem 0.25rem',
                      borderBottom: '1px solid var(--theme-elevation-100)',
                      cursor: busy ? 'progress' : 'grab',
                      display: 'flex',
                      flexWrap: 'wrap',
                      gap: '0.5rem',
                      alignItems: 'center',
                    }}
                  >
                    <span aria-hidden="true" style={{ color: 'var(--theme-elevation-400)' }}>
                      ⠿
                    </span>
                    <a href={`/admin/collections/units/${unit.id}`} style={{ flex: '1 1 14rem' }}>
                      {unit.title}
                    </a>
                    <span style={pill('var(--theme-elevation-600)')}>
                      {t(`admin.outline.kind.${unit.kind}`)}
                    </span>
                    <span style={pill(statusColors[unit.status])}>
                      {t(`admin.outline.status.${unit.status}`)}
                    </span>
                    <span
                      className="polycourse-outline-translation"
                      style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '0.25rem' }}
                    >
                      {outline.languages.map((locale) => {
                        const { word, color } = translationWord(t, unit.translation[locale]);
                        return (
                          <span
                            key={locale}
                            style={pill(color)}
                            title={t('admin.outline.localeStatus', { locale, status: word })}
                            data-locale={locale}
                          >
                            {locale}
                            <span className="sr-only" style={visuallyHidden}>
                              {t('admin.outline.localeStatusAfter', { status: word })}
                            </span>
                          </span>
                        );
                      })}
                    </span>
                    {canEdit && (
                      <span style={{ display: 'inline-flex', gap: '0.25rem' }}>
                        <button
                          type="button"
                          disabled={busy || ui === 0}
                          aria-label={t('admin.outline.moveUp', { unit: unit.title })}
                          onClick={() => void move(unit, module, ui - 1)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          disabled={busy || ui === module.units.length - 1}
                          aria-label={t('admin.outline.moveDown', { unit: unit.title })}
                          onClick={() => void move(unit, module, ui + 1)}
                        >
                          ↓
                        </button>
                        <select
                          aria-label={t('admin.outline.moveToModule', { unit: unit.title })}
                          value=""
                          style={control}
                          disabled={busy || outline.modules.length < 2}
                          onChange={(e) => {
                            const to = outline.modules.find((m) => String(m.id) === e.target.value);
                            if (to) void move(unit, to, to.units.length);
                          }}
                        >
                          <option value="">{t('admin.outline.moveTo')}</option>
                          {outline.modules
                            .filter((m) => m.id !== module.id)
                            .map((m) => (
                              <option key={String(m.id)} value={String(m.id)}>
                                {m.title}
                              </option>
                            ))}
                        </select>
                      </span>
                    )}
                  </li>
                ))}
              </ol>
              {canEdit && (
                <AddUnit
                  module={module}
                  busy={busy}
                  onAdd={(kind, title) =>
                    post(
                      { action: 'add', module: module.id, kind, title },
                      t('admin.outline.added', { unit: title, module: module.title }),
                    )
                  }
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AddUnit({
  module,
  busy,
  onAdd,
}: {
  module: OutlineModule;
  busy: boolean;
  onAdd: (kind: OutlineUnit['kind'], title: string) => Promise<void>;
}) {
  const t = useAdminT();
  const [kind, setKind] = useState<OutlineUnit['kind']>('lesson');
  const [title, setTitle] = useState('');
  const field = `add-${module.moduleId}`;
  const add = () => {
    if (title.trim()) void onAdd(kind, title.trim()).then(() => setTitle(''));
  };
  return (
    // Not a <form>: the outline sits inside the course's own form.
    <div
      className="polycourse-outline-add"
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', marginTop: '0.5rem' }}
    >
      <label htmlFor={`${field}-kind`} className="sr-only" style={visuallyHidden}>
        {t('admin.outline.newKind', { module: module.title })}
      </label>
      <select
        id={`${field}-kind`}
        value={kind}
        style={control}
        onChange={(e) => setKind(e.target.value as OutlineUnit['kind'])}
      >
        {kinds.map((value) => (
          <option key={value} value={value}>
            {t(`admin.outline.kind.${value}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${field}-title`} className="sr-only" style={visuallyHidden}>
        {t('admin.outline.newTitle', { module: module.title })}
      </label>
      <input
        id={`${field}-title`}
        value={title}
        placeholder={t('admin.outline.newTitlePlaceholder')}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          // Enter adds the unit; it must not submit the course's form.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          add();
        }}
        style={{ ...control, width: 'auto', flex: '1 1 14rem' }}
      />
      <Button
        buttonStyle="secondary"
        type="button"
        disabled={busy || !title.trim()}
        size="small"
        onClick={add}
      >
        {t('admin.outline.addTo', { module: module.title })}
      </Button>
    </div>
  );
}
