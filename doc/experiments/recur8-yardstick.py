#!/usr/bin/python3
# recur8-yardstick.py: the one look at the third labeller's totals (H3,
# tests/recurrence-labels/*.H3.tsv) that the eighth round's decision rule
# allows, for the pair model with the embedding similarities, scored
# leaving one of the sixteen authorities out as
# tests/recurrence-labels/fit-model.py --leave-one-out does (H3's labels
# are in no fit). Prints totals only, beside today's method on the same
# pairs, never which pairs.
#
#   /usr/bin/python3 doc/experiments/recur8-yardstick.py WITH_EMB.tsv JSON [--today]
#
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import importlib.util
import json
import os
import re
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, '../../tests/recurrence-labels')
spec = importlib.util.spec_from_file_location('fit_model', os.path.join(LABELS, 'fit-model.py'))
fm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fm)


def norm(s):
    return re.sub(r'[^a-z0-9]+', ' ', s.lower()).strip()


def h3_keys(json_path):
    d = json.load(open(json_path, encoding='utf-8'))
    items = {os.path.basename(r['source']): [norm(i['text']) for i in r['improvements']]
             for r in d['reports']}

    def find(f, words):
        w = norm(words)
        hits = [k for k, t in enumerate(items.get(f, [])) if t.startswith(w[:40])]
        return hits[0] if hits else None

    keys, labelled, unmatched = set(), 0, 0
    for path in sorted(glob.glob(os.path.join(LABELS, '*.H3.tsv'))):
        for line in open(path, encoding='utf-8'):
            c = line.rstrip('\n').split('\t')
            if line.startswith('#') or c[0] == 'earlier_file' or len(c) < 8:
                continue
            labelled += 1
            if c[6] != 'recurs':
                continue
            e, l = find(c[0], c[2]), find(c[3], c[5])
            if e is None or l is None:
                unmatched += 1
                continue
            keys.add('%s:%d>%s:%d' % (c[0], e, c[3], l))
    return keys, labelled, unmatched


def main():
    path, json_path = sys.argv[1:3]
    names, authority, labeller, y, x = fm.read(path, set())
    pairs = np.array([l.split('\t')[2] for l in open(path, encoding='utf-8').read().splitlines()[1:]])
    keys, labelled, unmatched = h3_keys(json_path)
    h3_authorities = sorted({k.split('__')[0].split('_', 1)[1] for k in keys})
    today = fm.today_score(names, x) >= fm.SHIPPED_THRESHOLD - 1e-9
    model = np.zeros(len(y), bool)
    for a in [] if '--today' in sys.argv else sorted(set(authority)):
        rest, here = authority != a, authority == a
        if not any(a == h or a.replace('-', '_') == h for h in h3_authorities):
            continue
        t = fm.best_threshold(fm.out_of_sample(x[rest], y[rest], authority[rest]), y[rest])
        model[here] = fm.predict(fm.fit(x[rest], y[rest]), x[here]) >= t
    mine = np.isin(authority, [a for a in set(authority)
                               if a in h3_authorities or a.replace('-', '_') in h3_authorities])
    right = np.array([p in keys for p in pairs])
    print('H3: %d labelled (%d carried forward or unmatched items: %d), authorities %s' % (
        labelled, labelled - len(keys), unmatched, ', '.join(h3_authorities)))
    rows = [("today's method", today & mine), ('pair model with embeddings', model & mine)]
    # --today checks the matching against the README's figures first.
    for name, found in rows[:1] if '--today' in sys.argv else rows:
        f, r = found.sum(), (found & right).sum()
        print('%s: %d found, %d right of %d: precision %.3f, recall %.3f, Dice %.3f' % (
            name, f, r, labelled, r / f, r / labelled, 2 * r / (f + labelled)))


if __name__ == '__main__':
    main()
