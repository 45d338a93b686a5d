"""Geometric reading-order baselines on region bounding boxes.

Every function takes items [(id, (x0, y0, x1, y1))] (y grows downwards) and
returns the ids in reading order. The final tie-break is always geometric
(top, left, bottom, right) and then the id, so the result does not depend on
the order of the input list.

- row_sort: top-to-bottom, then left-to-right, with a y-tolerance band.
- xy_cut:   recursive XY-cut (Nagy & Seth 1984; on boxes as in Ha, Haralick &
            Phillips 1995), cut at the widest gap of the two projections;
            optional shrinking of the boxes.
- breuel:   T. M. Breuel, "High Performance Document Layout Analysis", Symposium
            on Document Image Understanding Technology (SDIUT), 2003, section on
            reading order: a partial order from two pairwise rules, then a
            topological sort.
"""


def _geo_key(item):
    rid, (x0, y0, x1, y1) = item
    return (y0, x0, y1, x1, rid)


def row_sort(items, band):
    """Sort by top y, then left x, where tops within `band` count as one row.

    Rows are built greedily: items sorted by top; a row starts at the first
    item not yet placed and takes every following item whose top is less than
    `band` below the row's first top. Each row is read left to right (by left
    x, then top). band = 0 gives the plain (top, left) sort.
    """
    rest = sorted(items, key=_geo_key)
    out = []
    i = 0
    while i < len(rest):
        start = rest[i][1][1]
        j = i
        while j < len(rest) and rest[j][1][1] - start < band:
            j += 1
        j = max(j, i + 1)
        row = sorted(rest[i:j], key=lambda it: (it[1][0], it[1][1], it[1][3], it[1][2], it[0]))
        out.extend(rid for rid, _ in row)
        i = j
    return out


def shrink(box, frac):
    """Box with each side moved inwards by frac of the box's width (x) or height (y)."""
    x0, y0, x1, y1 = box
    dx, dy = (x1 - x0) * frac, (y1 - y0) * frac
    return (x0 + dx, y0 + dy, x1 - dx, y1 - dy)


def _widest_gap(intervals):
    """(width, cut position) of the widest gap between the union of intervals, or None."""
    ivs = sorted(intervals)
    best = None
    reach = ivs[0][1]
    for lo, hi in ivs[1:]:
        if lo > reach:
            gap = lo - reach
            if best is None or gap > best[0]:
                best = (gap, (reach + lo) / 2.0)
        reach = max(reach, hi)
    return best


def xy_cut(items, frac=0.0):
    """Recursive XY-cut on the boxes (shrunk by `frac` first when frac > 0).

    Projection profiles are taken of the boxes themselves: along y, the union
    of the [top, bottom] intervals; along x, of the [left, right] intervals. A
    gap is a stretch that no box covers. At each step the widest gap of either
    projection is cut (ties go to the horizontal cut): a horizontal cut reads
    the part above before the part below, a vertical cut the left part before
    the right part; both parts are cut again recursively. A set with no gap in
    either projection is read in (top, left) order.
    """
    boxed = [(rid, shrink(b, frac) if frac > 0 else b) for rid, b in items]
    out = []

    def rec(group):
        if len(group) <= 1:
            out.extend(rid for rid, _ in group)
            return
        gy = _widest_gap([(b[1], b[3]) for _, b in group])
        gx = _widest_gap([(b[0], b[2]) for _, b in group])
        if gy is None and gx is None:
            out.extend(rid for rid, _ in sorted(group, key=_geo_key))
            return
        if gx is None or (gy is not None and gy[0] >= gx[0]):
            cut = gy[1]
            first = [it for it in group if (it[1][1] + it[1][3]) / 2.0 < cut]
            second = [it for it in group if (it[1][1] + it[1][3]) / 2.0 >= cut]
        else:
            cut = gx[1]
            first = [it for it in group if (it[1][0] + it[1][2]) / 2.0 < cut]
            second = [it for it in group if (it[1][0] + it[1][2]) / 2.0 >= cut]
        rec(sorted(first, key=_geo_key))
        rec(sorted(second, key=_geo_key))

    rec(sorted(boxed, key=_geo_key))
    return out


def breuel_relation(items):
    """The pairwise 'a before b' relation of Breuel (2003), as a set of (a, b) indices.

    Breuel states it for text lines; here it is applied to region boxes:
    1. a before b if their x-ranges overlap and a is above b (a's vertical
       centre is above b's);
    2. a before b if a lies entirely to the left of b (a.right <= b.left) and
       there is no third region c whose y-coordinates are between a and b
       (c's vertical centre strictly between the centres of a and b) and whose
       x-range overlaps both a's and b's.
    """
    n = len(items)
    boxes = [b for _, b in items]
    cy = [(b[1] + b[3]) / 2.0 for b in boxes]

    def xover(p, q):
        return boxes[p][0] < boxes[q][2] and boxes[q][0] < boxes[p][2]

    rel = set()
    for a in range(n):
        for b in range(n):
            if a == b:
                continue
            if xover(a, b):
                if cy[a] < cy[b]:
                    rel.add((a, b))
            elif boxes[a][2] <= boxes[b][0]:
                lo, hi = min(cy[a], cy[b]), max(cy[a], cy[b])
                blocked = False
                for c in range(n):
                    if c != a and c != b and lo < cy[c] < hi and xover(c, a) and xover(c, b):
                        blocked = True
                        break
                if not blocked:
                    rel.add((a, b))
    return rel


def breuel(items, stats=None):
    """Breuel's partial order made total by a topological sort (Kahn's algorithm).

    Among the regions with no unplaced predecessor the one first by (top, left)
    is taken next. Should the relation hold a cycle (it can with overlapping
    boxes), the region first by (top, left) among those left is taken, and its
    remaining predecessors are ignored; stats["cycles_broken"] counts this
    when a dict is given.
    """
    items = sorted(items, key=_geo_key)
    n = len(items)
    rel = breuel_relation(items)
    preds = [0] * n
    succs = [[] for _ in range(n)]
    for a, b in rel:
        preds[b] += 1
        succs[a].append(b)
    done = [False] * n
    out = []
    broken = 0
    for _ in range(n):
        # items are sorted by the geometric key, so the lowest index is first
        pick = next((i for i in range(n) if not done[i] and preds[i] == 0), None)
        if pick is None:
            pick = next(i for i in range(n) if not done[i])
            broken += 1
        done[pick] = True
        out.append(items[pick][0])
        for s in succs[pick]:
            preds[s] -= 1
    if stats is not None:
        stats["cycles_broken"] = broken
    return out
