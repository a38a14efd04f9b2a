#!/usr/bin/python3
# recur8-model.py: the pair model of the sixth round (fit-model.py's
# features, L2, C=0.1, threshold chosen inside each fit by out-of-sample
# Dice) with and without the eighth round's two embedding similarities
# (emb_sif, emb_best: recur8-measure.py writes them as extra columns),
# scored leaving one of the sixteen authorities out; prints, per half, the
# counts at each fold's own threshold and how the pooled left-out scores
# rank (average precision, precision at recall 0.80, recall at precision
# 0.85), as recur8-measure.py does for the fixed scores.
#
#   /usr/bin/python3 doc/experiments/recur8-model.py WITH_EMB.tsv
#
# SPDX-License-Identifier: GPL-3.0-or-later
import importlib.util
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    'fit_model', os.path.join(HERE, '../../tests/recurrence-labels/fit-model.py'))
fm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fm)
sys.path.insert(0, HERE)
measure = __import__('recur8-measure')


def pooled(path, drop):
    names, authority, labeller, y, x = fm.read(path, drop)
    scores, found = np.zeros(len(y)), np.zeros(len(y), bool)
    for a in sorted(set(authority)):
        rest, here = authority != a, authority == a
        t = fm.best_threshold(fm.out_of_sample(x[rest], y[rest], authority[rest]), y[rest])
        scores[here] = fm.predict(fm.fit(x[rest], y[rest]), x[here])
        found[here] = scores[here] >= t
    return scores, found


def main():
    path = sys.argv[1]
    header, rows = measure.read_features(path)
    y = np.array([int(r[header.index('labelled')]) for r in rows])
    sets = measure.Sets(rows, y)
    for name, drop in (('pair model', {'emb_sif', 'emb_best'}), ('pair model + embeddings', set())):
        scores, found = pooled(path, drop)
        cells = []
        for half, (f, r, l) in sets.at(found.astype(float), 1.0).items():
            cells.append('%d / %d / %d: %.3f, %.3f (%.3f)' % (f, r, l, r / f, r / l, measure.dice(f, r, l)))
        print('| %s, left out | %s |' % (name, ' | '.join(cells)))
        measure.show_curve(name + ', pooled left-out scores', sets, scores)


if __name__ == '__main__':
    main()
