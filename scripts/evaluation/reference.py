#!/usr/bin/env python3
"""Reference results of the pre/post questionnaire evaluation, computed with scipy and numpy.

THIS IS THE REFERENCE FOR compiler/evaluation/ (`polycourse evaluate`): its tests compare their
results with the JSON written here. Every definition below must stay identical to the one in
compiler/evaluation/; change both or neither.

    python3 scripts/evaluation/reference.py <fixture>.csv <fixture>.options.json [--report]
        > <fixture>.reference.json

--report also prints, on stderr, one line per item and group: n, zeros, the path of the
Wilcoxon test, the path scipy's own method='auto' would take (see wilcoxon()) and p.

Definitions:
- A learner is paired when it has a `pre` and a `post` row; `unmatched` counts the learners with
  only one of the two. Everything but `unmatched` is computed over paired learners only.
- Reversed items are scored v' = min + max - v before anything else.
- An item is analysed over the paired learners who answered it both times, d = post - pre.
- The total is the sum of the scored items over the paired learners who answered EVERY item
  both times; Cronbach's alpha uses the same learners.
- Group value of a learner = its pre row's value for the column (its post row's when that is
  empty). Groups with fewer than minGroup paired learners are suppressed.
- Numbers undefined for the data (0/0, nan, nothing to rank, SD 0 for t) are null.
"""

import json
import math
import re
import sys

import numpy as np
from scipy import stats

PHASES = ('pre', 'post')
ITEM = re.compile(r'q[0-9]+')


def number(x):
    """A finite float, or None (JSON null) for None, nan and infinities."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


# --- Reading --------------------------------------------------------------------------------------

def read_csv(path):
    """Header and rows (dicts of strings) of a comma-separated file without quoting."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    header = lines[0].split(',')
    rows = []
    for lineno, line in enumerate(lines[1:], start=2):
        cells = line.split(',')
        if len(cells) != len(header):
            raise ValueError(f'{path}:{lineno}: {len(cells)} cells, header has {len(header)}')
        rows.append(dict(zip(header, cells)))
    return header, rows


def learners_of(rows, items, by, scale, reversed_items):
    """learner id -> {'pre': scores, 'post': scores, 'groups': {column: value}}.

    scores: item -> scored value (float) or None (missing); a phase without a row is absent.
    """
    lo, hi = scale['min'], scale['max']
    learners = {}
    for row in rows:
        phase = row['phase']
        if phase not in PHASES:
            raise ValueError(f'unknown phase {phase!r}')
        learner = learners.setdefault(row['learner'], {})
        if phase in learner:
            raise ValueError(f'two {phase} rows for learner {row["learner"]!r}')
        scores = {}
        for item in items:
            cell = row[item]
            if cell == '':
                scores[item] = None
                continue
            v = int(cell)
            if not lo <= v <= hi:
                raise ValueError(f'{row["learner"]} {phase} {item}: {v} is off the scale')
            scores[item] = float(lo + hi - v if item in reversed_items else v)
        learner[phase] = scores
        learner.setdefault('rows', {})[phase] = row
    for learner in learners.values():
        pre_row = learner['rows'].get('pre', {})
        post_row = learner['rows'].get('post', {})
        learner['groups'] = {c: pre_row.get(c, '') or post_row.get(c, '') for c in by}
    return learners


# --- Statistics -----------------------------------------------------------------------------------

def sd(x):
    """Sample standard deviation (ddof=1); None below 2 values."""
    return number(np.std(x, ddof=1)) if len(x) >= 2 else None


def ttest(post, pre):
    """Paired t-test of post against pre (two-sided), t and p null when SD(d) is 0 or n < 2."""
    n = len(post)
    if n < 2 or np.std(post - pre, ddof=1) == 0:
        return {'t': None, 'df': max(n - 1, 0), 'p': None}
    res = stats.ttest_rel(post, pre)
    return {'t': number(res.statistic), 'df': n - 1, 'p': number(res.pvalue)}


def scipy_auto_path(d):
    """The path scipy.stats.wilcoxon(method='auto') takes for d (scipy 1.17): exact when there
    are at most 50 differences (zeros included), none 0 and no ties; with zeros or ties an exact
    sign-flip PERMUTATION test when there are at most 13, else the normal approximation."""
    nonzero = d[d != 0]
    ties = len(np.unique(np.abs(nonzero))) < len(nonzero)
    if len(d) > 50:
        return 'approx'
    if len(nonzero) == len(d) and not ties:
        return 'exact'
    return 'permutation' if len(d) <= 13 else 'approx'


def wilcoxon(post, pre, zero_method, continuity):
    """Wilcoxon signed-rank test of post against pre (two-sided).

    path: `exact` when there are at most 50 differences, none 0 and no tied absolute values
    (scipy's exact null distribution), else `approx` (normal approximation with the tie
    correction, Pratt's zero adjustment for zero_method='pratt', and the continuity correction
    when asked). NB scipy's own method='auto' would run a permutation test instead of the
    normal approximation when there are zeros or ties and at most 13 differences; we call scipy
    with the method chosen here, explicitly.
    statistic: min(R+, R-) as scipy reports it. z: the signed Z of the normal approximation
    (computed whatever the path): |z| is scipy's |zstatistic| (method='asymptotic', same
    corrections), its sign that of R+ - E(R+).
    """
    d = post - pre
    nonzero = d[d != 0]
    result = {'statistic': None, 'p': None, 'method': None, 'z': None,
              'n_nonzero': int(len(nonzero))}
    if len(nonzero) == 0:
        return result  # nothing to rank
    ties = len(np.unique(np.abs(nonzero))) < len(nonzero)
    exact = len(d) <= 50 and len(nonzero) == len(d) and not ties
    res = stats.wilcoxon(post, pre, zero_method=zero_method, correction=continuity,
                         method='exact' if exact else 'asymptotic')
    approx = res if not exact else stats.wilcoxon(
        post, pre, zero_method=zero_method, correction=continuity, method='asymptotic')
    # R+ and its expectation: wilcox ranks the non-zero differences only; pratt ranks all of
    # them (zeros take the lowest ranks), then drops the zeros' ranks.
    ranked = nonzero if zero_method == 'wilcox' else d
    ranks = stats.rankdata(np.abs(ranked))
    r_plus = ranks[ranked > 0].sum()
    m, m0 = len(ranked), len(ranked) - len(nonzero)
    mean = (m * (m + 1) - m0 * (m0 + 1)) / 4
    result.update({
        'statistic': number(res.statistic),
        'p': number(res.pvalue),
        'method': 'exact' if exact else 'approx',
        'z': number(np.sign(r_plus - mean) * abs(approx.zstatistic)),
    })
    return result


def holm(ps):
    """Holm's step-down adjustment (R's p.adjust(p, 'holm')); None entries stay None and are
    not part of the family."""
    family = sorted((p, i) for i, p in enumerate(ps) if p is not None)
    m = len(family)
    adjusted = [None] * len(ps)
    running = 0.0
    for rank, (p, i) in enumerate(family):
        running = max(running, (m - rank) * p)
        adjusted[i] = min(1.0, running)
    return adjusted


def describe(name, pre, post, scale_range, zero_method, continuity):
    """The result of one item (or of the total, scale_range = k x (max - min))."""
    n = len(pre)
    d = post - pre
    mean_pre = number(np.mean(pre)) if n else None
    mean_post = number(np.mean(post)) if n else None
    mean_change = number(np.mean(d)) if n else None
    sd_change = sd(d)
    ci95 = None
    if n >= 2:
        half = stats.t.ppf(0.975, n - 1) * sd_change / math.sqrt(n)
        ci95 = [number(mean_change - half), number(mean_change + half)]
    pct = None
    if n and mean_pre != 0:
        pct = number((mean_post - mean_pre) / mean_pre * 100)
    w = wilcoxon(post, pre, zero_method, continuity) if n else {
        'statistic': None, 'p': None, 'method': None, 'z': None, 'n_nonzero': 0}
    return {
        'item': name,
        'n': n,
        'mean_pre': mean_pre,
        'mean_post': mean_post,
        'sd_pre': sd(pre),
        'sd_post': sd(post),
        'mean_change': mean_change,
        'sd_change': sd_change,
        'ci95': ci95,
        'mean_change_pct': pct,
        'change_pct_of_range': None if n == 0 else number(mean_change / scale_range * 100),
        'ttest': ttest(post, pre),
        'wilcoxon': w,
        'dz': number(mean_change / sd_change) if sd_change else None,
        'r': number(w['z'] / math.sqrt(n)) if w['z'] is not None else None,
        'p_holm': None,
        '_auto': scipy_auto_path(d) if np.any(d != 0) else None,  # for --report, not output
    }


def cronbach_alpha(matrix):
    """k/(k-1) (1 - sum of the item variances / variance of the total), ddof=1."""
    n, k = matrix.shape
    if n < 2 or k < 2:
        return None
    total_var = np.var(matrix.sum(axis=1), ddof=1)
    if total_var == 0:
        return None
    return number(k / (k - 1) * (1 - np.var(matrix, axis=0, ddof=1).sum() / total_var))


def analyse(learners, items, options):
    """n, unmatched, items, overall and alpha of a set of learners."""
    lo, hi = options['scale']['min'], options['scale']['max']
    zero_method, continuity = options['zeroMethod'], options['continuity']
    paired = [x for x in learners if 'pre' in x and 'post' in x]
    results = []
    for item in items:
        both = [x for x in paired if x['pre'][item] is not None and x['post'][item] is not None]
        pre = np.array([x['pre'][item] for x in both], dtype=float)
        post = np.array([x['post'][item] for x in both], dtype=float)
        results.append(describe(item, pre, post, hi - lo, zero_method, continuity))
    for result, p in zip(results, holm([r['wilcoxon']['p'] for r in results])):
        result['p_holm'] = p
    complete = [x for x in paired
                if all(x[ph][item] is not None for ph in PHASES for item in items)]
    matrix = {ph: np.array([[x[ph][item] for item in items] for x in complete], dtype=float)
              .reshape(len(complete), len(items)) for ph in PHASES}
    overall = describe('total', matrix['pre'].sum(axis=1), matrix['post'].sum(axis=1),
                       len(items) * (hi - lo), zero_method, continuity)
    return {
        'n': len(paired),
        'unmatched': len(learners) - len(paired),
        'items': results,
        'overall': overall,
        'alpha': {ph: cronbach_alpha(matrix[ph]) for ph in PHASES},
    }


def evaluate(csv_path, options):
    """The reference result of a fixture (with the private `_auto` keys, see strip)."""
    header, rows = read_csv(csv_path)
    # Item columns: q01, q02, ... (q + digits) in CSV order; the others are learner, phase and
    # grouping columns (the options carry no item list).
    items = [c for c in header if ITEM.fullmatch(c)]
    learners = list(learners_of(rows, items, options['by'], options['scale'],
                                set(options['reversed'])).values())
    # Key order of the JSON: n, unmatched, scale, reversed, items, overall, alpha, groups.
    result = {'n': None, 'unmatched': None, 'scale': options['scale'],
              'reversed': options['reversed']}
    result.update(analyse(learners, items, options))
    groups = {}
    for column in options['by']:
        groups[column] = {}
        for value in sorted({x['groups'][column] for x in learners}):  # code point order
            members = [x for x in learners if x['groups'][column] == value]
            cohort = analyse(members, items, options)
            if cohort['n'] < options['minGroup']:
                cohort = {'n': cohort['n'], 'suppressed': True}
            groups[column][value] = cohort
    result['groups'] = groups
    return result


def cohorts_of(result):
    """(scope, cohort) of the top level and of every group, suppressed ones included."""
    yield 'all', result
    for column, values in result['groups'].items():
        for value, cohort in values.items():
            yield f'{column}={value}', cohort


def strip(result):
    """Removes the private `_auto` keys."""
    for _, cohort in cohorts_of(result):
        for r in cohort.get('items', []) + [cohort.get('overall', {})]:
            r.pop('_auto', None)


def report(name, result, file=sys.stderr):
    """One line per analysed item and the total: n, zeros, our path, p, scipy auto's path."""
    for scope, cohort in cohorts_of(result):
        if cohort.get('suppressed'):
            print(f'{name}\t{scope}\tsuppressed\tn={cohort["n"]}', file=file)
            continue
        for r in cohort['items'] + [cohort['overall']]:
            w = r['wilcoxon']
            print(f'{name}\t{scope}\t{r["item"]}\tn={r["n"]}\tzeros={r["n"] - w["n_nonzero"]}'
                  f'\tmethod={w["method"]}\tauto={r["_auto"]}\tp={w["p"]}', file=file)


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    if len(args) != 2:
        sys.exit(__doc__)
    with open(args[1], encoding='utf-8') as f:
        options = json.load(f)
    result = evaluate(args[0], options)
    if '--report' in argv:
        report(args[0].rsplit('/', 1)[-1], result)
    strip(result)
    print(json.dumps(result, indent=2, allow_nan=False))


if __name__ == '__main__':
    main(sys.argv[1:])
