'use client';
/**
 * The translate function of Polycourse's admin panels (client components), in the member's admin
 * language: admin-translate.tsx over Payload's translations. Ids are `admin.*`, listed in
 * cms/locales/en.po with a note for translators.
 */
import { useMemo } from 'react';
import { useTranslation } from '@payloadcms/ui';
import type { Translate } from '../../runtime/logic/translator.ts';
import { adminTranslate } from './admin-translate.tsx';

export function useAdminT(): Translate {
  const { i18n } = useTranslation();
  return useMemo(() => adminTranslate(i18n), [i18n]);
}
