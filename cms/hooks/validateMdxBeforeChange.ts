/**
 * Runs the compiler's body pipeline on a lesson or sheet body before it is saved, so the CMS refuses
 * exactly what the compiler would, with the position in the message. The stored document is unchanged.
 */
import { ValidationError, type FieldHook } from 'payload';
import { checkBody } from '../../compiler/mdx/check-body.ts';

export const validateMdxBeforeChange: FieldHook = async ({ value, req, path }) => {
  if (typeof value !== 'string' || !value.trim()) return value;
  const problems = await checkBody(value, `${path.join('.')}.${req.locale ?? ''}.mdx`);
  if (problems.length) {
    throw new ValidationError({
      collection: 'units',
      errors: problems.map((p) => ({ path: path.join('.'), message: `${p.line ?? '?'}:${p.column ?? '?'} ${p.message} [${p.ruleId}]${p.fix ? ` Fix: ${p.fix}` : ''}` })),
    });
  }
  return value;
};
