/**
 * If comrak throws (a panic inside its WebAssembly module), the page is parsed by micromark and
 * so is every later page of the process: the module may be in any state after a panic. comrak is
 * made to throw here; nothing else can make it.
 */
import { describe, expect, it, vi } from 'vitest';
import { toHtml } from 'hast-util-to-html';

const { parseMarkdown } = vi.hoisted(() => ({
  parseMarkdown: vi.fn((): unknown => {
    throw new Error('RuntimeError: unreachable');
  }),
}));
vi.mock('comrak', () => ({ parseMarkdown }));

describe('plain Markdown when comrak fails', () => {
  it('renders with micromark, once warned, and does not ask comrak again', async () => {
    const { renderBodySync } = await import('../../compiler/mdx/render-body.ts');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const text = '# A lesson\n\nSome *plain* text with [a link](./next.md).\n';
      const first = renderBodySync({ text, file: 'lesson.md' });
      expect(first.diagnostics).toEqual([]);
      expect(toHtml(first.tree)).toContain('<em>plain</em>');
      const second = renderBodySync({ text: '## Another\n\nText.\n', file: 'other.md' });
      expect(toHtml(second.tree)).toContain('Another');
      expect(parseMarkdown).toHaveBeenCalledTimes(1);
      await vi.waitFor(() => expect(warnings.join('\n')).toMatch(/comrak failed.*micromark/));
    } finally {
      process.off('warning', onWarning);
    }
  });
});
