'use client';
/**
 * At the top of a unit's edit view: the module that holds it and that module's course, with links
 * (the course's outline is where units are added, reordered and moved).
 */
import React, { useEffect, useState } from 'react';
import { useDocumentInfo } from '@payloadcms/ui';
import { useAdminT } from './use-admin-t.ts';
import { withElements } from './admin-translate.tsx';

interface Placement {
  module?: { id: string | number; moduleId: string; title?: string | null };
  course?: { id: string | number; courseId: string; title?: string | null };
}

export function UnitPlacement() {
  const t = useAdminT();
  const { id } = useDocumentInfo();
  const [placement, setPlacement] = useState<Placement | undefined>();
  useEffect(() => {
    if (!id) return;
    let current = true;
    void fetch(`/api/units/${id}/placement`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : {}))
      .then((p: Placement) => current && setPlacement(p))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [id]);
  if (!id || !placement) return null;
  return (
    <p
      className="polycourse-unit-placement"
      style={{ margin: '0 0 1rem', color: 'var(--theme-elevation-600)' }}
    >
      {placement.module
        ? withElements(
            (markers) =>
              placement.course
                ? t('admin.placement.inModuleOfCourse', markers)
                : t('admin.placement.inModule', markers),
            {
              module: (
                <a href={`/admin/collections/modules/${placement.module.id}`}>
                  {placement.module.title ?? placement.module.moduleId}
                </a>
              ),
              ...(placement.course && {
                course: (
                  <a href={`/admin/collections/courses/${placement.course.id}`}>
                    {placement.course.title ?? placement.course.courseId}
                  </a>
                ),
              }),
            },
          )
        : t('admin.placement.inNoModule')}
    </p>
  );
}
