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
# weights; the held-out half then measures them.
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


def read_pairs(path):
    pairs = []
    for line in open(path, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        a, b = read_hits(f[4]), read_hits(f[5])
        concepts = [(key, a[key] and b[key]) for key in a if key in b]
        pairs.append((f[2] == '1', float(f[3]), concepts))
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


def measure(pairs, weights, off_head, words_weight):
    found = correct = labelled = 0
    for label, cosine, concepts in pairs:
        score = words_weight * cosine
        for key, head in concepts:
            score += weights.get(key, 0.5) * (1.0 if head else off_head)
        hit = score >= THRESHOLD - 1e-9
        found += hit
        correct += hit and label
        labelled += label
    p = correct / found if found else 0
    r = correct / labelled if labelled else 0
    return min(p / GOAL_PRECISION, r / GOAL_RECALL), p, r


def main():
    pairs = read_pairs(sys.argv[1])
    weights = read_weights(sys.argv[2])
    off_head, words_weight = 0.6, 0.6
    seen = {}
    for _, _, concepts in pairs:
        for key, _ in concepts:
            seen[key] = seen.get(key, 0) + 1
    best = measure(pairs, weights, off_head, words_weight)
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
        print('round: goal %.3f P %.3f R %.3f off_head %.2f words %.2f' % (best + (off_head, words_weight)),
              file=sys.stderr)
    for key in sorted(weights):
        print('%s\t%.2f\t%d' % (key, weights[key], seen.get(key, 0)))
    print('OFF_HEAD_FACTOR\t%.2f' % off_head)
    print('WORDS_WEIGHT\t%.2f' % words_weight)


if __name__ == '__main__':
    main()
