/**
 * Every client error response keeps its `data`: the fields and problems of a refused save
 * (ValidationError: the admin shows them on their fields), the problems of a refused publish.
 * Payload's formatErrors recognises its errors with `instanceof`; in the Next.js build the class a
 * hook throws was at times another copy of Payload's (minified name, e.g. "j"), and the response
 * then lost `data`: the admin showed no field error. Errors of 500 and above stay hidden.
 */
import type { AfterErrorHook } from 'payload';

interface ErrorWithData {
  name?: string;
  message?: string;
  status?: number;
  data?: unknown;
}

export const keepErrorData: AfterErrorHook = ({ error, result }) => {
  const e = error as ErrorWithData;
  if (!e?.data || typeof e.data !== 'object' || !e.status || e.status >= 500) return;
  if (result?.errors?.some((entry) => 'data' in (entry as object))) return;
  const isValidation = Array.isArray((e.data as { errors?: unknown }).errors);
  // ErrorResult's entries are typed as message-only; the admin reads `data` as Payload's own does.
  const errors = [
    {
      name: isValidation ? 'ValidationError' : (e.name ?? 'APIError'),
      data: e.data,
      message: e.message ?? '',
    },
  ];
  return { response: { errors: errors as never }, status: e.status };
};
