#!/usr/bin/env python3
# fit-weights.py: concept weights for data/concepts.rules, fitted on the
# tuning half of the hand labels only.
#
#   rm -f pairs.tsv
#   IC_RECURRENCE_PAIRS_TSV=$PWD/pairs.tsv meson test -C _build \
#       test-recurrence-labels --test-args="-p /recurrence-labels/precision-recall"
#   tests/recurrence-labels/fit-weights.py pairs.tsv data/concepts.rules
#
# pairs.tsv holds every item pair of the tuning half's authorities (the
# test never writes a held-out authority), whether the tuning labeller
# paired it, the items' word cosine, the concepts each names and their
# texts (test-recurrence-labels.c says how). The
# score is the one src/core/analysis/ic-recurrence.c computes:
#   sum over shared concepts of weight * (1, or OFF_HEAD when not both in
#   what the items ask for) + WORDS_WEIGHT * cosine >= THRESHOLD.
# Coordinate ascent over a coarse grid of weights maximises how near both
# figures are to the goal, min(precision / 0.85, recall / 0.80); a concept seen in fewer than MIN_PAIRS
# candidate pairs keeps its weight (too few to learn from). It prints the
# weights; the held-out half then measures them. With --leave-one-out it
# fits on the tuning half's authorities but one, measures on that one, for
# each in turn, and prints the totals beside the shipped weights': how well
# fitting generalises to an authority it did not see, before any look at
# the held-out half.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import re
import sys

THRESHOLD = 0.55
GRID = [round(0.05 * i, 2) for i in range(0, 25)]
MIN_PAIRS = 8
GOAL_PRECISION = 0.85
GOAL_RECALL = 0.80


def read_hits(field):
    """{concept: in_head} from "key:1:4,key:0:9" (cohorts, which never
    link items, left out)."""
    hits = {}
    for hit in filter(None, field.split(',')):
        key, head, _ = hit.split(':')
        if not key.startswith('cohort_'):
            hits[key] = hits.get(key, False) or head == '1'
    return hits


def head_cohorts(field):
    """The cohorts an item names in what it asks for."""
    return {hit.split(':')[0] for hit in filter(None, field.split(','))
            if hit.startswith('cohort_') and hit.split(':')[1] == '1'}


def read_pairs(path):
    """(authority, labelled, cosine, shared concepts) for each pair; two
    items that name only different cohorts never link, as in the app."""
    pairs = []
    for line in open(path, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        a, b = read_hits(f[4]), read_hits(f[5])
        ca, cb = head_cohorts(f[4]), head_cohorts(f[5])
        concepts = [(key, a[key] and b[key]) for key in a if key in b]
        if ca and cb and not ca & cb:
            pairs.append((f[0], f[2] == '1', 0.0, []))
        else:
            pairs.append((f[0], f[2] == '1', float(f[3]), concepts))
    return pairs


def read_weights(path):
    weights, group = {}, None
    for line in open(path, encoding='utf-8'):
        m = re.match(r'\[(\w+)\]', line)
        if m:
            group = m.group(1)
        m = re.match(r'weight=([0-9.]+)', line)
        if m and group:
            weights[group] = float(m.group(1))
    return weights


def count(pairs, weights, off_head, words_weight):
    """(found, right, labelled) over @pairs."""
    found = correct = labelled = 0
    for _, label, cosine, concepts in pairs:
        score = words_weight * cosine
        for key, head in concepts:
            score += weights.get(key, 0.5) * (1.0 if head else off_head)
        hit = score >= THRESHOLD - 1e-9
        found += hit
        correct += hit and label
        labelled += label
    return found, correct, labelled


def measure(pairs, weights, off_head, words_weight):
    found, correct, labelled = count(pairs, weights, off_head, words_weight)
    p = correct / found if found else 0
    r = correct / labelled if labelled else 0
    return min(p / GOAL_PRECISION, r / GOAL_RECALL), p, r


def fit(pairs, weights, verbose):
    """Coordinate ascent from @weights: (weights, off_head, words_weight)."""
    off_head, words_weight = 0.6, 0.6
    seen = {}
    for _, _, _, concepts in pairs:
        for key, _ in concepts:
            seen[key] = seen.get(key, 0) + 1
    best = measure(pairs, weights, off_head, words_weight)
    if verbose:
        print('start: goal %.3f P %.3f R %.3f' % best, file=sys.stderr)
    for _ in range(3):
        for key in sorted(weights):
            if seen.get(key, 0) < MIN_PAIRS:
                continue
            for w in GRID:
                trial = dict(weights, **{key: w})
                m = measure(pairs, trial, off_head, words_weight)
                if m[0] > best[0] + 1e-9:
                    best, weights = m, trial
        for o in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0]:
            m = measure(pairs, weights, o, words_weight)
            if m[0] > best[0] + 1e-9:
                best, off_head = m, o
        for ww in [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]:
            m = measure(pairs, weights, off_head, ww)
            if m[0] > best[0] + 1e-9:
                best, words_weight = m, ww
        if verbose:
            print('round: goal %.3f P %.3f R %.3f off_head %.2f words %.2f' % (best + (off_head, words_weight)),
                  file=sys.stderr)
    return weights, off_head, words_weight, seen


def figures(totals):
    found, correct, labelled = totals
    return '%d found, %d right of %d: precision %.3f, recall %.3f' % (
        found, correct, labelled, correct / found if found else 0, correct / labelled if labelled else 0)


def leave_one_out(pairs, weights):
    """Fits on all authorities but one and measures on that one, for each:
    what fitting would give on an authority it never saw."""
    fitted, shipped = [0, 0, 0], [0, 0, 0]
    for authority in sorted({p[0] for p in pairs}):
        train = [p for p in pairs if p[0] != authority]
        test = [p for p in pairs if p[0] == authority]
        w, o, ww, _ = fit(train, dict(weights), False)
        mine = count(test, w, o, ww)
        ship = count(test, weights, 0.6, 0.6)
        print('%-18s fitted %s | shipped %s' % (authority, figures(mine), figures(ship)))
        fitted = [x + y for x, y in zip(fitted, mine)]
        shipped = [x + y for x, y in zip(shipped, ship)]
    print('leave-one-authority-out, fitted:  %s' % figures(fitted))
    print('leave-one-authority-out, shipped: %s' % figures(shipped))


def main():
    loo = '--leave-one-out' in sys.argv
    args = [a for a in sys.argv[1:] if a != '--leave-one-out']
    pairs = read_pairs(args[0])
    weights = read_weights(args[1])
    if loo:
        leave_one_out(pairs, weights)
        return
    weights, off_head, words_weight, seen = fit(pairs, weights, True)
    for key in sorted(weights):
        print('%s\t%.2f\t%d' % (key, weights[key], seen.get(key, 0)))
    print('OFF_HEAD_FACTOR\t%.2f' % off_head)
    print('WORDS_WEIGHT\t%.2f' % words_weight)


if __name__ == '__main__':
    main()
