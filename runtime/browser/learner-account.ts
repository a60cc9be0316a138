/**
 * The learner services from a bundle (docs/learner-services.md), when the build named their address
 * (`--learner-services`): every page queues what the learner does (runtime/logic/sync-queue.ts) and
 * sends it once the learner is signed in and online, retrying later when the network or the server
 * fails; the course home shows the account (sign in, create an account, leave or join the
 * leaderboard, sign out), whether everything is sent, the top 20 and the learner's own rank.
 * Progress on the device stays the source of what the pages show; the server scores on its own.
 */
import {
  acknowledge,
  claim,
  enqueue,
  holdUnclaimed,
  sessionEnded,
  nextBatch,
  refusedEvents,
} from '../logic/sync-queue.ts';
import type { PageServices } from './page-services.ts';
import { showForum } from './module-forum.ts';
import { call, createStore, el, field, type Services, type Store } from './services-client.ts';

/** Send what waits, batch by batch; on failure try again later (backoff up to a minute). */
function createSender(s: Services, store: Store) {
  let running = false;
  let delay = 2000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(send, delay);
    delay = Math.min(delay * 2, 60_000);
  };
  async function send(): Promise<void> {
    const token = store.state.token;
    if (running || !token || !nextBatch(store.state).length) return;
    running = true;
    try {
      for (let batch = nextBatch(store.state); store.state.token && batch.length;) {
        const { status, body } = await call(s, 'events', {
          method: 'POST',
          token,
          body: JSON.stringify({ course: s.outline.id, locale: s.locale, events: batch }),
        });
        if (status === 200) {
          const ids = [...(body.accepted as string[]), ...(body.duplicates as string[])];
          store.update((st) => acknowledge(st, ids));
        } else if (status === 401) {
          store.update(sessionEnded);
        } else if (status === 400) {
          // Events the server will never take (a unit removed since): dropped, the rest go again.
          console.warn('[polycourse] the learner services refused events:', body);
          const messages = ((body.errors ?? []) as { message: string }[]).map((e) => e.message);
          store.update((st) => acknowledge(st, refusedEvents(batch, messages)));
        } else {
          later();
          return;
        }
        batch = nextBatch(store.state);
      }
      delay = 2000;
    } catch {
      later();
    } finally {
      running = false;
    }
  }
  addEventListener('online', () => void send());
  return send;
}

/** The account panel on the course home. */
function showAccount(s: Services, store: Store, send: () => Promise<void>, mount: HTMLElement) {
  const { t } = s;
  const status = el('p', { className: 'account-status' });
  status.setAttribute('role', 'status');
  const problem = el('p', { className: 'account-problem', hidden: true });
  problem.setAttribute('role', 'alert');
  const body = el('div');
  const board = el('div', { className: 'leaderboard' });
  mount.append(el('h2', { id: 'learner-account-title' }, [t('runtime.account.title')]), body);
  mount.setAttribute('aria-labelledby', 'learner-account-title');
  mount.hidden = false;

  const signInForm = () => {
    const username = field('account-username', t('runtime.account.username'), {
      autocomplete: 'username',
      required: true,
      minLength: 3,
      maxLength: 40,
    });
    const password = field('account-password', t('runtime.account.password'), {
      type: 'password',
      autocomplete: 'current-password',
      required: true,
      minLength: 8,
    });
    const name = field('account-name', t('runtime.account.displayName'), { maxLength: 40 });
    const join = el('input', { type: 'checkbox', id: 'account-join' });
    const signIn = el('button', { type: 'submit', className: 'button' }, [
      t('runtime.account.signIn'),
    ]);
    const signUp = el('button', { type: 'button', className: 'button secondary' }, [
      t('runtime.account.signUp'),
    ]);
    const form = el('form', { className: 'account-form' }, [
      username.row,
      password.row,
      name.row,
      el('p', {}, [
        join,
        ' ',
        el('label', { htmlFor: 'account-join' }, [t('runtime.account.join')]),
      ]),
      el('p', {}, [signIn, ' ', signUp]),
    ]);
    const submit = async (create: boolean) => {
      if (!form.reportValidity()) return;
      problem.hidden = true;
      const credentials = { username: username.box.value.trim(), password: password.box.value };
      const extra = {
        ...(name.box.value.trim() ? { displayName: name.box.value.trim() } : {}),
        leaderboard: join.checked,
      };
      try {
        const { status: code, body: answer } = await call(s, create ? 'sign-up' : 'login', {
          method: 'POST',
          body: JSON.stringify(create ? { ...credentials, ...extra } : credentials),
        });
        if (code !== 200 && code !== 201) {
          problem.textContent = t(
            create ? 'runtime.account.signUpFailed' : 'runtime.account.failed',
          );
          problem.hidden = false;
          return;
        }
        const learner = answer.learner as {
          username: string;
          displayName?: string;
          leaderboard: boolean;
        };
        // What waits on the device was done before anyone signed in: held until the learner
        // says it was theirs (a shared device), see claimQuestion.
        store.update((st) => ({
          ...holdUnclaimed(st, learner.username),
          token: answer.token as string,
          learner: learner.username,
          name: learner.displayName || learner.username,
          leaderboard: learner.leaderboard,
        }));
        void send();
      } catch {
        problem.textContent = t('runtime.account.unreachable');
        problem.hidden = false;
      }
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void submit(false);
    });
    signUp.addEventListener('click', () => void submit(true));
    return [el('p', {}, [t('runtime.account.intro')]), form];
  };

  /** Were the steps done on this device before signing in the learner's own? (a shared device) */
  const claimQuestion = () => {
    const count = store.state.unclaimed?.length ?? 0;
    if (!count) return [];
    const answer = (mine: boolean) => {
      store.update((st) => claim(st, mine));
      void send();
    };
    const mine = el('button', { type: 'button', className: 'button' }, [
      t('runtime.account.claimMine'),
    ]);
    const notMine = el('button', { type: 'button', className: 'button secondary' }, [
      t('runtime.account.claimNotMine'),
    ]);
    mine.addEventListener('click', () => answer(true));
    notMine.addEventListener('click', () => answer(false));
    const question = el('p', { id: 'account-claim-question' }, [
      t('runtime.account.claim', { count }),
    ]);
    const group = el('div', { className: 'account-claim' }, [
      question,
      el('p', {}, [mine, ' ', notMine]),
    ]);
    group.setAttribute('role', 'group');
    group.setAttribute('aria-labelledby', 'account-claim-question');
    return [group];
  };

  const signedIn = () => {
    const join = el('input', {
      type: 'checkbox',
      id: 'account-board',
      checked: !!store.state.leaderboard,
    });
    join.addEventListener('change', async () => {
      const { status: code } = await call(s, 'me', {
        method: 'PATCH',
        token: store.state.token,
        body: JSON.stringify({ leaderboard: join.checked }),
      }).catch(() => ({ status: 0 }));
      if (code === 200) store.update((st) => ({ ...st, leaderboard: join.checked }));
      else join.checked = !join.checked;
    });
    const signOut = el('button', { type: 'button', className: 'button secondary' }, [
      t('runtime.account.signOut'),
    ]);
    const signOutEverywhere = el('button', { type: 'button', className: 'button secondary' }, [
      t('runtime.account.signOutEverywhere'),
    ]);
    // On a shared device the next person must not send this learner's steps: signing out sends
    // what waits first, ends the session on the server (offline, the token is only forgotten
    // here), then forgets it. Everywhere: every session of the account ends (a device left
    // signed in elsewhere).
    const leave = async (everywhere: boolean) => {
      await send();
      const token = store.state.token;
      if (token)
        await call(s, 'logout', {
          method: 'POST',
          token,
          ...(everywhere ? { body: JSON.stringify({ everywhere }) } : {}),
        }).catch(() => undefined);
      store.update((st) => ({
        ...st,
        token: undefined,
        learner: undefined,
        name: undefined,
        queue: [],
        sent: [],
        unclaimed: undefined,
        expired: undefined,
      }));
    };
    signOut.addEventListener('click', () => void leave(false));
    signOutEverywhere.addEventListener('click', () => void leave(true));
    return [
      el('p', {}, [
        t('runtime.account.signedIn', { name: store.state.name ?? '' }),
        ' ',
        signOut,
        ' ',
        signOutEverywhere,
      ]),
      ...claimQuestion(),
      status,
      el('p', {}, [
        join,
        ' ',
        el('label', { htmlFor: 'account-board' }, [t('runtime.account.join')]),
      ]),
    ];
  };

  const points = new Intl.NumberFormat(s.locale);
  const showBoard = async () => {
    const query = `course=${encodeURIComponent(s.outline.id)}`;
    const top = await call(s, `leaderboard?${query}`).catch(() => undefined);
    if (!top || top.status !== 200) return board.replaceChildren();
    const rows = top.body.top as { rank: number; name: string; points: number }[];
    const mine = store.state.token
      ? await call(s, `rank?${query}`, { token: store.state.token }).catch(() => undefined)
      : undefined;
    const rank =
      mine?.status === 200 ? (mine.body as { rank: number | null; of?: number }) : undefined;
    const table = el('table', {}, [
      el('thead', {}, [
        el('tr', {}, [
          el('th', { scope: 'col' }, [t('runtime.board.rank')]),
          el('th', { scope: 'col' }, [t('runtime.board.name')]),
          el('th', { scope: 'col' }, [t('runtime.board.points')]),
        ]),
      ]),
      el(
        'tbody',
        {},
        rows.map((r) =>
          el('tr', {}, [
            el('td', {}, [t('runtime.board.place', { rank: r.rank })]),
            // A learner's chosen name: shown as text, in whatever language they wrote it.
            el('td', { dir: 'auto' }, [r.name]),
            el('td', {}, [points.format(r.points)]),
          ]),
        ),
      ),
    ]);
    board.replaceChildren(
      el('h3', {}, [t('runtime.board.title')]),
      rows.length ? table : el('p', {}, [t('runtime.board.empty')]),
      ...(rank
        ? [
            el('p', {}, [
              rank.rank
                ? t('runtime.board.you', { rank: rank.rank, of: rank.of ?? rank.rank })
                : t('runtime.board.notOn'),
            ]),
          ]
        : []),
    );
  };

  const render = () => {
    body.replaceChildren(...(store.state.token ? signedIn() : signInForm()), problem, board);
    renderStatus();
    void showBoard();
  };
  const renderStatus = () => {
    const waiting = store.state.queue.length;
    status.textContent = waiting
      ? t('runtime.account.pending', { count: waiting })
      : t('runtime.account.synced');
  };
  // The panel is drawn again when the learner signs in or out, or answers the claim question.
  const shape = () => `${Boolean(store.state.token)} ${store.state.unclaimed?.length ?? 0}`;
  let shown = shape();
  store.onChange(() => {
    if (shape() !== shown) {
      shown = shape();
      render();
    } else {
      renderStatus();
      if (!store.state.queue.length) void showBoard();
    }
  });
  render();
}

export function startLearnerServices(s: PageServices, api: string): void {
  if (document.body.dataset.preview !== undefined) return;
  const services: Services = { ...s, api: api.replace(/\/+$/, '') };
  const store = createStore(s.outline.id);
  const send = createSender(services, store);
  s.events.subscribe((event) => {
    store.update((st) => enqueue(st, event, new Date()));
    void send();
  });
  const mount = document.getElementById('learner-account');
  if (mount) showAccount(services, store, send, mount);
  const forum = document.getElementById('module-forum');
  if (forum) showForum(services, store, forum);
  void send();
}
