#!/usr/bin/env python3
"""A row per output of scripts/eval-batch.sh: recall of the kinds the sessions
tune most, the lowest kind, precision of warnings, the restored share and the
clean-text warnings. With a second directory, its row under each of the first's.

    scripts/eval-summary.py OUTDIR [OUTDIR2]
"""
import os
import re
import sys


def row(path):
    recall, lowest = {}, (9.0, '')
    fields = {}
    for line in open(path, encoding='utf-8'):
        m = re.match(r'^([a-z-]+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s', line)
        if m:
            recall[m.group(1)] = float(m.group(4))
            lowest = min(lowest, (float(m.group(4)), m.group(1)))
        for key, pattern in (('prec', r'^precision of warnings:\s+([\d.]+)'),
                             ('rest', r'^restored by the fix:\s+([\d.]+)'),
                             ('clean', r'^clean text:\s+([\d.]+)')):
            m = re.match(pattern, line)
            if m:
                fields[key] = m.group(1)
    kinds = ' '.join('%s %.3f' % (short, recall.get(kind, 0)) for short, kind in
                     (('del', 'deleted-line'), ('join', 'joined-lines'), ('merg', 'merged-lines'),
                      ('drift', 'drift'), ('trunc', 'truncated'), ('chnum', 'changed-number')))
    return '%s | low %.3f %-15s | prec %s rest %s clean %s' % (
        kinds, lowest[0], lowest[1], fields.get('prec'), fields.get('rest'), fields.get('clean'))


def main():
    dirs = sys.argv[1:]
    if not dirs:
        sys.exit(__doc__)
    for name in sorted(os.listdir(dirs[0])):
        if not name.endswith('.txt'):
            continue
        for i, d in enumerate(dirs):
            path = os.path.join(d, name)
            if os.path.exists(path):
                print('%-20s %s' % (name if i == 0 else '', row(path)))


if __name__ == '__main__':
    main()
