#!/usr/bin/env python3
"""Share of true pairs outside the join fit's bands (|δ| > 2.58, > 3.29) by pair size.

usage: scripts/length-fit-by-size.py TSV [TSV...]   (zh<TAB>en<TAB>source lines)

Per 100 consecutive pairs (the held-out documents' shape) the Gale-Church model is fitted as
JoinLengthFit does (median ratio c, MAD spread of the residuals), with line_length's measure
approximated here (Han, kana and Hangul letters 1, Latin letters and digits 0.35 in the Chinese
line; every character of the English line). "plain" is the model's |δ|; "widened" divides it by
sqrt(shared / typical) where the text both sides share, min(l1, l2/c), is longer than the
document's median pair (l1 + l2/c)/2, as JoinLengthFit::delta does.
"""
import math
import statistics as st
import sys
import unicodedata


def han_length(text):
    n = 0.0
    for ch in text.strip():
        o = ord(ch)
        cjk = 0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF or 0x3040 <= o <= 0x30FF
        if cjk and unicodedata.category(ch)[0] == 'L':
            n += 1
        elif ch.isalnum():
            n += 0.35
    return n


def main():
    bands = [(0, 10), (10, 30), (30, 60), (60, 120), (120, math.inf)]
    for path in sys.argv[1:]:
        rows = [line.rstrip('\n').split('\t') for line in open(path, encoding='utf-8') if line.count('\t') >= 2]
        plain = {b: [] for b in bands}
        widened = {b: [] for b in bands}
        for start in range(0, len(rows), 100):
            pairs = [(han_length(z), len(e.strip())) for z, e, *_ in rows[start:start + 100]]
            pairs = [(z, e) for z, e in pairs if z > 0 and e > 0]
            if not pairs:
                continue
            c = st.median([e / z for z, e in pairs])
            sizes = [(z + e / c) / 2 for z, e in pairs]
            typical = st.median(sizes)
            residuals = [(e - c * z) / math.sqrt(m) for (z, e), m in zip(pairs, sizes)]
            centre = st.median(residuals)
            spread = 1.4826 * st.median([abs(r - centre) for r in residuals])
            if spread <= 0:
                continue
            for (z, e), m, r in zip(pairs, sizes, residuals):
                d = abs(r) / spread
                shared = min(z, e / c)
                band = next(b for b in bands if b[0] <= m < b[1])
                plain[band].append(d)
                widened[band].append(d / math.sqrt(max(1.0, shared / typical)))
        print(path)
        for b in bands:
            p, w = plain[b], widened[b]
            if not p:
                continue
            share = lambda v, limit: sum(x > limit for x in v) / len(v)
            print(f'  size {b[0]:>3}-{b[1]:<4} pairs {len(p):5}  plain >2.58 {share(p, 2.58):.3f} >3.29 {share(p, 3.29):.3f}'
                  f'  widened >2.58 {share(w, 2.58):.3f} >3.29 {share(w, 3.29):.3f}')


if __name__ == '__main__':
    main()
