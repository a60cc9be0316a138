/**
 * The module's discussion on a module page, when the learner services are on
 * (docs/learner-services.md#forums): the threads of this module in the page's language, each
 * opening to its posts; a signed-in learner starts a thread, replies, edits or deletes their own
 * posts and reports others'. Anyone can read. Post bodies arrive as HTML the server rendered from
 * Markdown through the course bodies' pipeline (compiler/mdx/render-post.ts: no raw HTML, no
 * scripts, no pictures); names and titles are learners' text, only ever set as text.
 */
import { call, el, type Services, type Store } from './services-client.ts';
import { stripFallbackMarks } from '../logic/fallback-marks.ts';

interface ThreadSummary {
  id: number | string;
  title: string;
  authorName: string | null;
  mine: boolean;
  status: string;
  replies: number;
  /** when the thread was started, and when its newest visible post was written */
  createdAt: string;
  lastPostAt: string;
}
interface Post {
  id: number | string;
  first: boolean;
  status: 'visible' | 'held' | 'hidden' | 'deleted';
  authorName: string | null;
  mine: boolean;
  html: string | null;
  body?: string;
  reported: boolean;
  createdAt: string;
  editedAt: string | null;
}

/** A learner's name in a sentence: isolated, so a right-to-left name keeps the line in order. */
const isolate = (text: string) => `\u2068${text}\u2069`;

function textArea(id: string, label: string, value = '') {
  const box = el('textarea', { id, name: id, rows: 4, maxLength: 10_000, required: true, value });
  box.setAttribute('dir', 'auto');
  return { box, row: el('p', {}, [el('label', { htmlFor: id }, [label]), box]) };
}

export function showForum(s: Services, store: Store, mount: HTMLElement) {
  const { t } = s;
  const moduleId = mount.dataset.module ?? '';
  const home = mount.dataset.home ?? '';
  const enc = encodeURIComponent;
  const query = `course=${enc(s.outline.id)}&module=${enc(moduleId)}&locale=${enc(s.locale)}`;
  const dates = new Intl.DateTimeFormat(s.locale, { dateStyle: 'medium' });
  const list = el('div', { className: 'forum-threads' });
  const composer = el('div', { className: 'forum-composer' });
  const status = el('p', { className: 'forum-status' });
  status.setAttribute('role', 'status');
  mount.setAttribute('aria-labelledby', 'module-forum-title');
  mount.append(
    el('h2', { id: 'module-forum-title' }, [t('runtime.forum.title')]),
    el('p', {}, [t('runtime.forum.intro')]),
    status,
    list,
    composer,
  );
  mount.hidden = false;

  const token = () => store.state.token;
  const byline = (name: string | null, at: string, edited?: string | null) =>
    t('runtime.forum.by', {
      name: isolate(name ?? t('runtime.forum.formerLearner')),
      date: dates.format(new Date(at)),
    }) + (edited ? ` ${t('runtime.forum.edited')}` : '');

  /** The server's refusal (English, from the API), after a sentence in the page's language. */
  const refusal = (problem: HTMLElement, body: Record<string, unknown> | undefined) => {
    const message = (body?.errors as { message: string }[] | undefined)?.[0]?.message;
    const detail = el('span', { lang: 'en', dir: 'ltr' }, [message ?? '']);
    problem.replaceChildren(
      message ? t('runtime.forum.refused') : t('runtime.account.unreachable'),
      ' ',
      ...(message ? [detail] : []),
    );
    problem.hidden = false;
  };
  const alertBox = () => {
    const problem = el('p', { className: 'forum-problem', hidden: true });
    problem.setAttribute('role', 'alert');
    return problem;
  };
  const send = async (path: string, method: string, data?: unknown) =>
    call(s, path, {
      method,
      token: token(),
      ...(data === undefined ? {} : { body: JSON.stringify(data) }),
    }).catch(() => ({ status: 0, body: undefined as Record<string, unknown> | undefined }));

  function postItem(p: Post, reload: () => Promise<void>): HTMLLIElement {
    const item = el('li', { className: `forum-post forum-${p.status}` });
    item.dataset.post = String(p.id);
    if (p.status === 'hidden' || p.status === 'deleted') {
      item.append(el('p', { className: 'forum-note' }, [t(`runtime.forum.${p.status}`)]));
      return item;
    }
    const body = el('div', { className: 'forum-body' });
    body.setAttribute('dir', 'auto');
    // Rendered and sanitized on the server (compiler/mdx/render-post.ts).
    body.innerHTML = p.html ?? '';
    const actions = el('p', { className: 'forum-actions' });
    const problem = alertBox();
    item.append(
      el('p', { className: 'forum-meta' }, [byline(p.authorName, p.createdAt, p.editedAt)]),
      ...(p.status === 'held'
        ? [el('p', { className: 'forum-note' }, [t('runtime.forum.held')])]
        : []),
      body,
      actions,
      problem,
    );
    const button = (label: string, onClick: () => void) => {
      const b = el('button', { type: 'button', className: 'button secondary' }, [label]);
      b.addEventListener('click', onClick);
      actions.append(b, ' ');
      return b;
    };
    if (p.mine) {
      button(t('runtime.forum.edit'), () => {
        const area = textArea(`forum-edit-${p.id}`, t('runtime.forum.message'), p.body ?? '');
        const save = el('button', { type: 'submit', className: 'button' }, [
          t('runtime.forum.save'),
        ]);
        const cancel = el('button', { type: 'button', className: 'button secondary' }, [
          t('runtime.forum.cancel'),
        ]);
        const form = el('form', { className: 'forum-form' }, [
          area.row,
          el('p', {}, [save, ' ', cancel]),
        ]);
        cancel.addEventListener('click', () => void reload());
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          const r = await send(`forum-posts/${enc(String(p.id))}`, 'PATCH', {
            body: area.box.value,
          });
          if (r.status === 200) return reload();
          refusal(problem, r.body);
        });
        body.replaceWith(form);
        actions.hidden = true;
        area.box.focus();
      });
      button(t('runtime.forum.delete'), async () => {
        if (!confirm(stripFallbackMarks(t('runtime.forum.confirmDelete')))) return;
        const r = await send(`forum-posts/${enc(String(p.id))}`, 'DELETE');
        if (r.status === 200) return reload();
        refusal(problem, r.body);
      });
    } else if (token() && p.status === 'visible') {
      const report = button(t('runtime.forum.report'), async () => {
        const r = await send(`forum-posts/${enc(String(p.id))}/report`, 'POST', {});
        if (r.status !== 200) return refusal(problem, r.body);
        report.replaceWith(t('runtime.forum.reported'));
      });
      if (p.reported) report.replaceWith(t('runtime.forum.reported'));
    }
    return item;
  }

  function threadItem(summary: ThreadSummary): HTMLDetailsElement {
    const details = el('details', { className: 'forum-thread' });
    details.dataset.thread = String(summary.id);
    const title = el('span', { className: 'forum-title' }, [summary.title]);
    title.setAttribute('dir', 'auto');
    const meta = el('span', { className: 'forum-meta' });
    // Who started the thread and when; then its replies and, when it has some, the last one's day.
    const showMeta = (replies: number) =>
      meta.replaceChildren(
        byline(summary.authorName, summary.createdAt),
        ' ',
        t('runtime.forum.replies', { count: replies }),
        ...(replies > 0 && summary.lastPostAt
          ? [
              ' ',
              t('runtime.forum.lastReply', { date: dates.format(new Date(summary.lastPostAt)) }),
            ]
          : []),
      );
    showMeta(summary.replies);
    details.append(el('summary', {}, [title, ' ', meta]));
    const content = el('div', { className: 'forum-thread-posts' });
    details.append(content);
    // Posts come a page at a time (oldest first); every page shown so far is read again after a
    // change, and "More replies" adds the next.
    let pagesShown = 1;
    const load = async () => {
      const posts: Post[] = [];
      let totalPages = 1;
      for (let page = 1; page <= pagesShown; page++) {
        const path = `forums/${enc(String(summary.id))}?page=${page}`;
        const r = await call(s, path, { token: token() }).catch(() => undefined);
        if (!r || r.status !== 200) {
          const problem = alertBox();
          refusal(problem, r?.body);
          return content.replaceChildren(problem);
        }
        posts.push(...(r.body.posts as Post[]));
        totalPages = Number(r.body.totalPages) || 1;
        if (page >= totalPages) break;
      }
      if (totalPages <= 1) {
        // Every post is here (oldest first): the count and the last reply's day from them.
        const visible = posts.filter((p) => p.status === 'visible');
        if (visible.length) summary.lastPostAt = visible[visible.length - 1].createdAt;
        showMeta(visible.filter((p) => !p.first).length);
      }
      const more = moreButton(t('runtime.forum.morePosts'), pagesShown < totalPages, async () => {
        pagesShown++;
        await load();
      });
      content.replaceChildren(
        el(
          'ol',
          { className: 'forum-posts' },
          posts.map((p) => postItem(p, load)),
        ),
        ...more,
        ...(token() && summary.status !== 'hidden' ? [replyForm(summary.id, load)] : []),
      );
    };
    details.addEventListener('toggle', () => {
      if (details.open && !content.childElementCount) void load();
    });
    return details;
  }

  function replyForm(threadId: number | string, reload: () => Promise<void>) {
    const area = textArea(`forum-reply-${threadId}`, t('runtime.forum.message'));
    const problem = alertBox();
    const form = el('form', { className: 'forum-form' }, [
      area.row,
      el('p', { className: 'forum-hint' }, [t('runtime.forum.hint')]),
      el('p', {}, [
        el('button', { type: 'submit', className: 'button' }, [t('runtime.forum.reply')]),
      ]),
      problem,
    ]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const r = await send(`forums/${enc(String(threadId))}/posts`, 'POST', {
        body: area.box.value,
      });
      if (r.status !== 201) return refusal(problem, r.body);
      if (r.body?.status === 'held') status.textContent = t('runtime.forum.held');
      await reload();
    });
    return form;
  }

  function newThreadForm() {
    if (!token())
      return [
        el('p', {}, [el('a', { href: `${home}#learner-account` }, [t('runtime.forum.signIn')])]),
      ];
    const title = el('input', {
      id: 'forum-new-title',
      name: 'title',
      required: true,
      minLength: 3,
      maxLength: 120,
    });
    title.setAttribute('dir', 'auto');
    const area = textArea('forum-new-body', t('runtime.forum.message'));
    const problem = alertBox();
    const form = el('form', { className: 'forum-form' }, [
      el('p', {}, [
        el('label', { htmlFor: 'forum-new-title' }, [t('runtime.forum.threadTitle')]),
        title,
      ]),
      area.row,
      el('p', { className: 'forum-hint' }, [t('runtime.forum.hint')]),
      el('p', {}, [
        el('button', { type: 'submit', className: 'button' }, [t('runtime.forum.post')]),
      ]),
      problem,
    ]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const r = await send('forums', 'POST', {
        course: s.outline.id,
        module: moduleId,
        locale: s.locale,
        title: title.value,
        body: area.box.value,
      });
      if (r.status !== 201) return refusal(problem, r.body);
      status.textContent = r.body?.status === 'held' ? t('runtime.forum.held') : '';
      form.reset();
      await showThreads();
    });
    return [el('h3', {}, [t('runtime.forum.start')]), form];
  }

  /** A "show more" button (none when there is nothing more). */
  function moreButton(label: string, wanted: boolean, onClick: () => Promise<void>) {
    if (!wanted) return [];
    const button = el('button', { type: 'button', className: 'button secondary forum-more' }, [
      label,
    ]);
    button.addEventListener('click', async () => {
      button.disabled = true;
      await onClick();
    });
    return [el('p', {}, [button])];
  }

  /** The threads, most recently active first, a page at a time ("More discussions"). */
  async function showThreads(page = 1, shown?: HTMLElement) {
    const r = await call(s, `forums?${query}&page=${page}`, { token: token() }).catch(
      () => undefined,
    );
    if (!r || r.status !== 200) {
      const problem = alertBox();
      refusal(problem, r?.body);
      return shown ? shown.append(problem) : list.replaceChildren(problem);
    }
    const threads = r.body.threads as ThreadSummary[];
    const totalPages = Number(r.body.totalPages) || 1;
    const items = threads.map(threadItem);
    const more = moreButton(t('runtime.forum.moreThreads'), page < totalPages, async () => {
      more[0]?.remove();
      await showThreads(page + 1, container);
    });
    const container = shown ?? el('div', {});
    container.append(...items, ...more);
    if (!shown)
      list.replaceChildren(threads.length ? container : el('p', {}, [t('runtime.forum.empty')]));
  }

  const render = () => {
    composer.replaceChildren(...newThreadForm());
    void showThreads();
  };
  let signedInBefore = Boolean(token());
  store.onChange(() => {
    if (Boolean(token()) === signedInBefore) return;
    signedInBefore = Boolean(token());
    render();
  });
  render();
}
