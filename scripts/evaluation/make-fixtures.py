#!/usr/bin/env python3
"""Writes the synthetic pre/post questionnaire fixtures of test/fixtures/evaluation/.

Deterministic: every fixture draws from its own numpy Generator with a fixed seed, so running
this again rewrites byte-identical files. The reference results are computed from these files
by reference.py (see make-references.sh).

    python3 scripts/evaluation/make-fixtures.py [out-dir]

CSV: header `learner,phase,<items>,<grouping columns>`, one row per learner and phase, an empty
item cell is a missing answer. The generator works on SCORED values (a higher score is better
on every item) and writes the raw answer, min + max - score, for the reversed items: a reversed
item is a negatively worded one, so its raw answer goes down when learners improve.
"""

import json
import os
import sys

import numpy as np

ITEMS = [f'q{i:02d}' for i in range(1, 18)]
REVERSED_6 = ['q03', 'q06', 'q09', 'q12', 'q15', 'q17']


def write_csv(path, columns, rows):
    """rows: lists of cells (int, str or None for an empty cell), in `columns` order."""
    lines = [','.join(columns)]
    for row in rows:
        lines.append(','.join('' if cell is None else str(cell) for cell in row))
    with open(path, 'w', encoding='utf-8', newline='\n') as out:
        out.write('\n'.join(lines) + '\n')


def write_options(path, options):
    with open(path, 'w', encoding='utf-8', newline='\n') as out:
        out.write(json.dumps(options, indent=2) + '\n')


def raw(score, item, reversed_items, lo, hi):
    """Scored value -> the answer the learner ticked (reversed items are flipped back)."""
    return lo + hi - score if item in reversed_items else score


def panel(rng, n, effects, lo, hi):
    """Scored pre and post answers of n learners (two n x items int matrices).

    Latent value = centre + item location + 0.8 ability (+ learner gain x item effect after the
    course) + independent noise each time; rounded and clipped to the scale. Items with effect
    0 change by chance only; a negative effect gives a negative change.
    """
    k = len(effects)
    centre = (lo + hi) / 2
    spread = (hi - lo) / 4
    location = rng.uniform(-0.5, 0.5, size=(1, k)) * spread
    ability = rng.standard_normal((n, 1)) * 0.8 * spread
    gain = rng.normal(1.0, 0.6, size=(n, 1))
    effect = np.asarray(effects, dtype=float).reshape(1, k)
    pre = centre + location + ability + rng.normal(0, 0.7 * spread, size=(n, k))
    post = centre + location + ability + gain * effect + rng.normal(0, 0.7 * spread, size=(n, k))
    clip = lambda m: np.clip(np.rint(m), lo, hi).astype(int)  # noqa: E731
    return clip(pre), clip(post)


def with_missing(rng, matrix, rate):
    """List-of-lists copy of `matrix` where each cell is None (missing) with probability rate."""
    drop = rng.random(matrix.shape) < rate
    return [[None if drop[i, j] else int(matrix[i, j]) for j in range(matrix.shape[1])]
            for i in range(matrix.shape[0])]


def rows_for(learner, phase, scores, items, reversed_items, lo, hi, groups):
    cells = [None if v is None else raw(v, item, reversed_items, lo, hi)
             for v, item in zip(scores, items)]
    return [learner, phase] + cells + list(groups)


# --- 1. cohort-12 ------------------------------------------------------------------------------

def cohort_12(out):
    """12 paired learners + l13 (pre only); l05 skips q05 after; q07 never changes; the 11
    complete learners' total changes are non-zero with distinct absolute values (exact path)."""
    rng = np.random.default_rng(12)
    lo, hi, reversed_items = 1, 5, ['q03']
    k = len(ITEMS)
    ability = rng.integers(-1, 2, size=(13, 1))
    pre = np.clip(3 + ability + rng.integers(-1, 2, size=(13, k)), lo, hi)
    # Changes -1, 0, +1, +2 with probabilities .05, .35, .45, .15: mean +0.7 before clipping; l03
    # and l10 (indices 2, 9) did not benefit: -1, 0, +1 with .45, .45, .1, a negative total.
    step = rng.choice([-1, 0, 1, 2], p=[0.05, 0.35, 0.45, 0.15], size=(13, k))
    for i in (2, 9):
        step[i] = rng.choice([-1, 0, 1], p=[0.45, 0.45, 0.1], size=k)
    post = np.clip(pre + step, lo, hi)
    q07 = ITEMS.index('q07')
    post[:, q07] = pre[:, q07]
    # Make the total changes of the complete learners (all but l05, index 4) distinct in
    # absolute value and non-zero: move one random item (not q07) by one, away from zero
    # (down for l03 and l10), until they are.
    seen = set()
    for i in range(12):
        if i == 4:
            continue
        down = i in (2, 9)
        while True:
            change = int(post[i].sum() - pre[i].sum())
            if change != 0 and abs(change) not in seen:
                seen.add(abs(change))
                break
            room = [j for j in range(k)
                    if j != q07 and (post[i, j] > lo if down else post[i, j] < hi)]
            post[i, rng.choice(room)] += -1 if down else 1
    learners = [f'l{i:02d}' for i in range(1, 14)]
    cohorts = ['a'] * 7 + ['b'] * 6
    rows = []
    for i, learner in enumerate(learners):
        rows.append(rows_for(learner, 'pre', list(pre[i]), ITEMS, reversed_items, lo, hi,
                             [('en', 'fr')[i % 2], cohorts[i]]))
        if learner == 'l13':
            continue  # pre only: unmatched
        answers = [int(v) for v in post[i]]
        if learner == 'l05':
            answers[ITEMS.index('q05')] = None
        rows.append(rows_for(learner, 'post', answers, ITEMS, reversed_items, lo, hi,
                             [('en', 'fr')[i % 2], cohorts[i]]))
    write_csv(os.path.join(out, 'cohort-12.csv'),
              ['learner', 'phase'] + ITEMS + ['locale', 'cohort'], rows)
    write_options(os.path.join(out, 'cohort-12.options.json'), {
        'scale': {'min': lo, 'max': hi}, 'reversed': reversed_items, 'by': ['cohort'],
        'minGroup': 10, 'zeroMethod': 'wilcox', 'continuity': False})


# --- 2./3./4. cohort-240 and cohort-5000 ----------------------------------------------------------

def big_cohort(out, name, seed, locales, unmatched_pre, unmatched_post, missing, by, quirks):
    """Paired learners with the given locale counts, plus unmatched ones (lists of locales).

    Row order is shuffled (pairing must go by learner id, not by adjacency). With `quirks`,
    3 paired learners have an empty locale on their pre row (their post row's counts) and 2
    have a different cohort after (their pre row's counts).
    """
    rng = np.random.default_rng(seed)
    lo, hi = 1, 5
    # Item effects (latent shift per unit of gain): most modest, q04/q11 none, q13 negative.
    effects = [0.5, 0.4, 0.6, 0.0, 0.5, 0.3, 0.5, 0.6, 0.4, 0.5, 0.0, 0.4, -0.4, 0.5, 0.3,
               0.6, 0.4]
    paired_locales = [loc for loc, count in locales for _ in range(count)]
    rng.shuffle(paired_locales)
    n_paired = len(paired_locales)
    n_all = n_paired + len(unmatched_pre) + len(unmatched_post)
    pre, post = panel(rng, n_all, effects, lo, hi)
    pre, post = with_missing(rng, pre, missing), with_missing(rng, post, missing)
    cohort = ['2025-spring' if c else '2025-autumn' for c in rng.random(n_all) < 0.55]
    locale = paired_locales + list(unmatched_pre) + list(unmatched_post)
    width = len(str(n_all))
    rows = []
    for i in range(n_all):
        learner = f'l{i + 1:0{width}d}'
        pre_groups = {'locale': locale[i], 'cohort': cohort[i]}
        post_groups = dict(pre_groups)
        if quirks and i in (3, 4, 5):
            pre_groups['locale'] = ''
        if quirks and i in (6, 7):
            post_groups['cohort'] = ('2025-spring' if cohort[i] == '2025-autumn'
                                     else '2025-autumn')
        if i < n_paired + len(unmatched_pre):
            rows.append(rows_for(learner, 'pre', pre[i], ITEMS, REVERSED_6, lo, hi,
                                 [pre_groups['locale'], pre_groups['cohort']]))
        if i < n_paired or i >= n_paired + len(unmatched_pre):
            rows.append(rows_for(learner, 'post', post[i], ITEMS, REVERSED_6, lo, hi,
                                 [post_groups['locale'], post_groups['cohort']]))
    order = rng.permutation(len(rows))
    write_csv(os.path.join(out, f'{name}.csv'),
              ['learner', 'phase'] + ITEMS + ['locale', 'cohort'], [rows[i] for i in order])
    options = {'scale': {'min': lo, 'max': hi}, 'reversed': REVERSED_6, 'by': by,
               'minGroup': 10, 'zeroMethod': 'wilcox', 'continuity': False}
    write_options(os.path.join(out, f'{name}.options.json'), options)
    return options


# --- 5. exact-small ------------------------------------------------------------------------------

def exact_small(out):
    """9 paired learners on a 1-11 scale, items q01 and q02 only, written by hand: q01's
    differences are non-zero with distinct absolute values (exact path), q02's have ties and
    one zero (normal approximation)."""
    lo, hi = 1, 11
    q01_pre = [4, 6, 3, 5, 2, 8, 4, 2, 1]
    q01_change = [3, -1, 5, 2, 7, -4, 6, 8, 9]
    q02_pre = [5, 6, 7, 4, 3, 8, 6, 9, 5]
    q02_change = [2, 2, -1, 0, 3, 1, 2, -3, 4]
    rows = []
    for i in range(9):
        learner = f'l{i + 1}'
        cohort = 'x' if i < 5 else 'y'
        rows.append([learner, 'pre', q01_pre[i], q02_pre[i], cohort])
        rows.append([learner, 'post', q01_pre[i] + q01_change[i], q02_pre[i] + q02_change[i],
                     cohort])
    for row in rows:
        assert all(lo <= v <= hi for v in row[2:4])
    write_csv(os.path.join(out, 'exact-small.csv'),
              ['learner', 'phase', 'q01', 'q02', 'cohort'], rows)
    write_options(os.path.join(out, 'exact-small.options.json'), {
        'scale': {'min': lo, 'max': hi}, 'reversed': [], 'by': [], 'minGroup': 10,
        'zeroMethod': 'wilcox', 'continuity': False})


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, '..', '..', 'test', 'fixtures', 'evaluation')
    out = os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else default)
    os.makedirs(out, exist_ok=True)
    cohort_12(out)
    options = big_cohort(out, 'cohort-240', 240,
                         [('en', 100), ('ar', 80), ('fr', 52), ('sw', 8)],
                         unmatched_pre=['en', 'ar', 'fr', 'sw', 'en'],
                         unmatched_post=['ar', 'fr', 'en'],
                         missing=0.02, by=['locale', 'cohort'], quirks=True)
    # 3. Same CSV, Pratt's treatment of zeros and the continuity correction.
    write_options(os.path.join(out, 'cohort-240-pratt.options.json'),
                  dict(options, zeroMethod='pratt', continuity=True))
    big_cohort(out, 'cohort-5000', 5000,
               [('en', 1900), ('ar', 1100), ('fr', 800), ('hi', 600), ('zh', 450), ('sw', 150)],
               unmatched_pre=['en'] * 5 + ['ar'] * 3 + ['fr'] * 2 + ['hi', 'zh', 'sw'],
               unmatched_post=['en'] * 3 + ['ar', 'fr', 'hi', 'zh'],
               missing=0.01, by=['locale'], quirks=False)
    exact_small(out)


if __name__ == '__main__':
    main()
