import path from 'node:path';

export const demoCourseDir = path.resolve(
  import.meta.dirname,
  '../../courses/rights-based-mental-health',
);
export const demoLocales = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el'];
