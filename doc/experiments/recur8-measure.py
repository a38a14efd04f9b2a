#!/usr/bin/python3
# recur8-measure.py: does an embedding similarity of two improvement items,
# from word vectors trained on the Ofsted reports (recur8-train.sh), rank
# and decide the hand labels' pairs better than the finder's concern score?
# The eighth round of tests/recurrence-labels/README.md; its decision rule
# is written there. Reads, from outside the source tree:
#
#   FEATURES  the finder's scored pairs (from the source root:
#             IC_RECURRENCE_FEATURES_TSV=FEATURES IC_RECURRENCE_FEATURES_ALL=1 \
#               meson test -C _build test-recurrence-labels)
#   JSON      --export-json of bulk/ and history/ (the items' texts, by file
#             and index, to compute the similarity; never printed)
#   OUT       recur8-train.sh's directory (vectors.vec, train.txt)
#
#   /usr/bin/python3 doc/experiments/recur8-measure.py FEATURES JSON OUT [WITH_EMB.tsv]
#
# prints the tables and, with WITH_EMB.tsv, writes FEATURES with the two
# similarities as extra columns (emb_sif, emb_best) for
# tests/recurrence-labels/fit-model.py --leave-one-out.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import collections
import json
import os
import re
import sys

import numpy as np
from sklearn.metrics import average_precision_score

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
tok = __import__('recur8-tokenise')

SIF_A = 1e-3
SHIPPED = 0.55
BETAS = (0.0, 0.25, 0.5, 1.0, 2.0)
# Labelled pairs as the test counts them (carried-forward links included;
# some never scored): H1's nine, H2's own seven, and the whole (18 label
# sets: Leicestershire and Swindon with both labellers' identical labels).
LABELLED = {'H1': 334, 'H2': 256, 'sixteen': 590, 'whole': 615}
TWICE = ('leicestershire', 'swindon')
NEAREST = ('supervision', 'leavers', 'neglect', 'plans', 'front', 'pre', 'proceedings',
           'permanence', 'oversight', 'audits', 'missing', 'thresholds', 'caseloads',
           'participation', 'exploitation')


def stop_words():
    source = open(os.path.join(HERE, '../../src/core/analysis/ic-words.c'), encoding='utf-8').read()
    body = source[source.index('stop_words[] = {'):]
    body = body[:body.index('};')]
    return set(re.findall(r'"([a-z]+)"', body))


STOP = stop_words()


def is_content(word):
    if word.isdigit() or len(word) < 2:
        return False
    return not (word in STOP or word.rstrip('s') in STOP or word + 's' in STOP)


def load_vectors(path):
    with open(path, encoding='utf-8') as f:
        n, dim = map(int, f.readline().split())
        words, rows = [], []
        for line in f:
            parts = line.rstrip().split(' ')
            if len(parts) != dim + 1:
                continue
            words.append(parts[0])
            rows.append([float(v) for v in parts[1:]])
    m = np.array(rows, dtype=np.float64)
    m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
    return {w: i for i, w in enumerate(words)}, m


def load_frequencies(path):
    counts = collections.Counter()
    with open(path, encoding='utf-8') as f:
        for line in f:
            counts.update(line.split())
    total = sum(counts.values())
    return lambda w: SIF_A / (SIF_A + counts.get(w, 0) / total)


def item_texts(path):
    d = json.load(open(path, encoding='utf-8'))
    return {os.path.basename(r['source']): [i['text'] for i in r['improvements']]
            for r in d['reports']}


class Item:
    def __init__(self, text, index, vectors, weight):
        words = [w for w in tok.tokenise(text) if is_content(w) and w in index]
        self.rows = np.array([index[w] for w in words], dtype=int)
        self.weights = np.array([weight(w) for w in words])
        self.mean = None
        if len(words):
            self.mean = (vectors[self.rows] * self.weights[:, None]).sum(0) / len(words)


def cosine(a, b):
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    return float(a @ b / (na * nb)) if na > 0 and nb > 0 else 0.0


def best_match(a, b, vectors):
    """SIF-weighted mean of each word's best cosine in the other item, both ways."""
    if not len(a.rows) or not len(b.rows):
        return 0.0
    sims = vectors[a.rows] @ vectors[b.rows].T
    one = (sims.max(1) * a.weights).sum() / a.weights.sum()
    two = (sims.max(0) * b.weights).sum() / b.weights.sum()
    return float((one + two) / 2)


def common_component(items):
    means = np.array([i.mean for i in items if i.mean is not None])
    _, _, vt = np.linalg.svd(means, full_matrices=False)
    return vt[0]


def remove_component(v, u):
    return None if v is None else v - (v @ u) * u


def read_features(path):
    lines = [l.rstrip('\n').split('\t') for l in open(path, encoding='utf-8')]
    return lines[0], lines[1:]


def parse_key(key):
    earlier, later = key.split('>')
    ef, ei = earlier.rsplit(':', 1)
    lf, li = later.rsplit(':', 1)
    return (ef, int(ei)), (lf, int(li))


def curve_figures(s, y, w, labelled):
    """Average precision (scored pairs), precision at recall 0.80 and
    recall at precision 0.85 (labelled pairs never scored count as missed)."""
    order = np.argsort(-s, kind='stable')
    right = np.cumsum((y * w)[order])
    found = np.cumsum(w[order])
    precision, recall = right / found, right / labelled
    at_r = precision[recall >= 0.80].max() if (recall >= 0.80).any() else float('nan')
    at_p = recall[precision >= 0.85].max() if (precision >= 0.85).any() else 0.0
    return average_precision_score(y, s, sample_weight=w), at_r, at_p


def counts(s, y, w, t):
    found = s >= t - 1e-9
    return (w * found).sum(), (w * found * y).sum()


def dice(f, r, labelled):
    return 2 * r / (f + labelled)


class Sets:
    def __init__(self, rows, y):
        self.y = y
        auth = np.array([r[0] for r in rows])
        lab = np.array([r[1] for r in rows])
        ones = np.ones(len(rows))
        self.sets = {
            'H1': (lab == 'H1') * ones,
            'H2': ((lab == 'H2') & ~np.isin(auth, TWICE)) * ones,
            'sixteen': ones,
            'whole': ones + np.isin(auth, TWICE),
        }

    def at(self, s, t):
        out = {}
        for name, w in self.sets.items():
            f, r = counts(s, self.y, w, t)
            out[name] = (int(f), int(r), LABELLED[name])
        return out

    def choose(self, s):
        """The cut-off with the best Dice on H1's nine alone."""
        w = self.sets['H1']
        candidates = np.unique(s[w > 0])
        best = max(candidates, key=lambda t: dice(*counts(s, self.y, w, t), LABELLED['H1']))
        return best


def show_cut(name, sets, s, t):
    cells = []
    for half, (f, r, l) in sets.at(s, t).items():
        cells.append('%d / %d / %d: %.3f, %.3f (%.3f)' % (f, r, l, r / f if f else 0, r / l, dice(f, r, l)))
    print('| %s (cut-off %.3f) | %s |' % (name, t, ' | '.join(cells)))


def show_curve(name, sets, s):
    cells = []
    for half, w in sets.sets.items():
        keep = w > 0
        ap, at_r, at_p = curve_figures(s[keep], sets.y[keep], w[keep], LABELLED[half])
        cells.append('%.3f / %.3f / %.3f' % (ap, at_r, at_p))
    print('| %s | %s |' % (name, ' | '.join(cells)))


def bounds(name, sets, s, today):
    """On the whole set, a score's precision at today's recall and recall
    at today's precision: cut-offs chosen with the answers, so a bound on
    what any cut-off could do, not a figure to claim."""
    w, y, labelled = sets.sets['whole'], sets.y, LABELLED['whole']
    f0, r0 = counts(today, y, w, SHIPPED)
    order = np.argsort(-s, kind='stable')
    right, found = np.cumsum((y * w)[order]), np.cumsum(w[order])
    k = np.argmax(right >= r0)
    ok = np.where((right * f0 >= r0 * found) & (found >= 50))[0]
    j = ok.max()
    print('%s, whole: at today\'s recall %d / %d: %.3f, %.3f; at today\'s precision %d / %d: %.3f, %.3f' % (
        name, found[k], right[k], right[k] / found[k], right[k] / labelled,
        found[j], right[j], right[j] / found[j], right[j] / labelled))


def nearest(index, vectors, weight):
    words = list(index)
    for w in NEAREST:
        if w not in index:
            print('| %s | (not in the vocabulary) |' % w)
            continue
        sims = vectors @ vectors[index[w]]
        order = [i for i in np.argsort(-sims) if words[i] != w][:8]
        print('| %s | %s |' % (w, ', '.join('%s %.2f' % (words[i], sims[i]) for i in order)))


def main():
    features, json_path, out = sys.argv[1:4]
    header, rows = read_features(features)
    col = {n: i for i, n in enumerate(header)}
    texts = item_texts(json_path)
    index, vectors = load_vectors(os.path.join(out, 'vectors.vec'))
    weight = load_frequencies(os.path.join(out, 'train.txt'))

    all_items = {(f, i): Item(t, index, vectors, weight)
                 for f, items in texts.items() for i, t in enumerate(items)}
    u = common_component(all_items.values())
    y = np.array([int(r[col['labelled']]) for r in rows])
    today = np.array([float(r[col['concern_score']]) + 0.15 * float(r[col['says_repeated']])
                      for r in rows])
    e_sif, e_best = np.zeros(len(rows)), np.zeros(len(rows))
    missing = 0
    for k, r in enumerate(rows):
        ek, lk = parse_key(r[col['pair']])
        if ek not in all_items or lk not in all_items:
            missing += 1
            continue
        a, b = all_items[ek], all_items[lk]
        if a.mean is not None and b.mean is not None:
            e_sif[k] = cosine(remove_component(a.mean, u), remove_component(b.mean, u))
        e_best[k] = best_match(a, b, vectors)
    print('%d scored pairs, %d labelled, %d items not found in the JSON' % (len(rows), y.sum(), missing))

    sets = Sets(rows, y)
    print('\nAP / precision at recall 0.80 / recall at precision 0.85 | H1 | H2 | sixteen | whole')
    show_curve("today's concern score", sets, today)
    show_curve('E1 SIF cosine', sets, e_sif)
    show_curve('E2 best match', sets, e_best)

    print('\nfound / right / labelled: precision, recall (Dice) | H1 | H2 | sixteen | whole')
    show_cut("today's method", sets, today, SHIPPED)
    for name, s in (('E1 SIF cosine', e_sif), ('E2 best match', e_best)):
        show_cut(name, sets, s, sets.choose(s))
    for name, e in (('B1 concern + beta x E1', e_sif), ('B2 concern + beta x E2', e_best)):
        best = None
        for beta in BETAS:
            s = today + beta * e
            t = sets.choose(s)
            f, r = counts(s, y, sets.sets['H1'], t)
            d = dice(f, r, LABELLED['H1'])
            if best is None or d > best[0] + 1e-12:
                best = (d, beta, t, s)
        _, beta, t, s = best
        show_cut('%s, beta %.2f' % (name, beta), sets, s, t)
        show_curve('%s, beta %.2f' % (name, beta), sets, s)
        bounds('%s, beta %.2f' % (name, beta), sets, s, today)

    print('\nnearest words')
    nearest(index, vectors, weight)

    if len(sys.argv) > 4:
        with open(sys.argv[4], 'w', encoding='utf-8') as o:
            o.write('\t'.join(header + ['emb_sif', 'emb_best']) + '\n')
            for r, a, b in zip(rows, e_sif, e_best):
                o.write('\t'.join(r + ['%.6g' % a, '%.6g' % b]) + '\n')


if __name__ == '__main__':
    main()
