/**
 * The CMS's locales: the compiler's supported locales (the 12 of DESIGN.md) plus any from
 * POLYCOURSE_EXTRA_LOCALES, labelled from the compiler's locale table.
 */
import { knownLocales, supportedLocales } from '../compiler/model/locales.ts';

export const baseLocales: string[] = [...supportedLocales];

export function cmsLocales(
  extra = process.env.POLYCOURSE_EXTRA_LOCALES ?? '',
): { code: string; label: string; rtl: boolean }[] {
  const codes = [
    ...new Set([
      ...baseLocales,
      ...extra
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ]),
  ];
  return codes.map((code) => ({
    code,
    label: knownLocales[code]?.label ?? code,
    rtl: knownLocales[code]?.dir === 'rtl',
  }));
}
