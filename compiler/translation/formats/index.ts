import type { ExchangeFormat } from './exchange.ts';
import { xliff12 } from './xliff12.ts';
import { xliff20 } from './xliff20.ts';
import { po } from './po.ts';

export const exchangeFormats: Record<ExchangeFormat['name'], ExchangeFormat> = {
  xliff12,
  xliff20,
  po,
};

/** Which format a file is in, from its content. */
export function detectFormat(text: string): ExchangeFormat['name'] | undefined {
  const head = text.slice(0, 2000);
  if (/<xliff\b/.test(head))
    return /version="2\.0"/.test(head)
      ? 'xliff20'
      : /version="1\.[12]"/.test(head)
        ? 'xliff12'
        : undefined;
  if (/^\s*(#|msgid|msgctxt)/m.test(head)) return 'po';
  return undefined;
}
