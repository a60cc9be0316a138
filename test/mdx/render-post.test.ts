/**
 * Forum posts through the course bodies' pipeline (compiler/mdx/render-post.ts): Markdown only, a
 * shared page's limits (no pictures, no ids, headings below the thread's), each refusal at its
 * line:column with a fix a learner can follow.
 */
import { describe, expect, it } from 'vitest';
import { maxPostLength, renderPost } from '../../compiler/mdx/render-post.ts';

describe('renderPost', () => {
  it('renders Markdown; braces and JSX-like text are plain text, never code', () => {
    expect(renderPost('Some **bold**, `<b>` and {x}.').html).toBe(
      '<p>Some <strong>bold</strong>, <code>&#x3C;b></code> and {x}.</p>',
    );
  });

  it('gives the words as plain text, as a reader sees them, for excerpts', () => {
    expect(
      renderPost('Me, with *support*. See [the CRPD](https://un.org).\n\n- one\n- `two`').text,
    ).toBe('Me, with support. See the CRPD. one two');
  });

  it('drops ids and in-page links, puts headings under the thread, marks outside links', () => {
    const { html } = renderPost(
      '# Title\n\nSee [here](https://example.org) and a note[^1].\n\n[^1]: n',
    );
    expect(html).toMatch(/^<h4>Title<\/h4>/);
    expect(html).not.toMatch(/\sid=/);
    expect(html).not.toMatch(/href="#/);
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">here</a>');
  });

  it.each([
    ['x <b>y</b>', 1, 3, /^Raw HTML is not allowed: <b>/, /Markdown/],
    ['ok\n\n<script>alert(1)</script>', 3, 1, /^Raw HTML is not allowed: <script>/, /backticks/],
    ['see ![a cat](https://t.example/cat.png)', 1, 5, /^Pictures are not shown/, /link/],
    ['[x](javascript:alert(1))', 1, 1, /^Unsafe URL/, /https:\/\//],
  ])('refuses %j at its line:column', (text, line, column, message, fix) => {
    const { html, diagnostics } = renderPost(text, 'body');
    expect(html).toBe('');
    expect(diagnostics[0]).toMatchObject({ file: 'body', line, column });
    expect(diagnostics[0].message).toMatch(message);
    expect(diagnostics[0].fix).toMatch(fix);
  });

  it('refuses an empty post and one over the length limit', () => {
    expect(renderPost('  \n ').diagnostics[0].ruleId).toBe('polycourse:post-empty');
    const long = renderPost('a'.repeat(maxPostLength + 1)).diagnostics[0];
    expect(long.ruleId).toBe('polycourse:post-length');
    expect(long.message).toBe(
      `The post has ${maxPostLength + 1} characters; at most ${maxPostLength}.`,
    );
  });
});
