"""Metrics of a predicted region order against the human (ground-truth) order.

All are computed over the regions of the ground-truth order. The prediction is
first restricted to them (regions the ground truth leaves out, e.g. tables a
page's ReadingOrder does not reference, are dropped; a region predicted twice
keeps its first place).
"""


def restrict(gt, pred, groups=None):
    """Prediction restricted to GT regions, first occurrences only.

    Returns (order, group of each kept id or None, lost ids, duplicated ids).
    `groups` (optional) gives the predicted group (article) of each entry of pred.
    """
    gtset = set(gt)
    seen = set()
    dup = []
    order, grp = [], {}
    for i, rid in enumerate(pred):
        if rid not in gtset:
            continue
        if rid in seen:
            if rid not in dup:
                dup.append(rid)
            continue
        seen.add(rid)
        order.append(rid)
        grp[rid] = groups[i] if groups is not None else 0
    lost = [rid for rid in gt if rid not in seen]
    return order, grp, lost, dup


def kendall_tau(gt, order):
    """Kendall's tau between the GT order and `order` over the regions in both.

    tau = (concordant - discordant) / (m (m - 1) / 2) on the m common regions'
    positions: 1 = same order, -1 = reversed. Fewer than two common regions: 1.
    """
    pos = {rid: i for i, rid in enumerate(order)}
    seq = [pos[rid] for rid in gt if rid in pos]
    m = len(seq)
    if m < 2:
        return 1.0
    conc = disc = 0
    for i in range(m):
        si = seq[i]
        for j in range(i + 1, m):
            if si < seq[j]:
                conc += 1
            else:
                disc += 1
    return (conc - disc) / (m * (m - 1) / 2.0)


def successor_accuracy(gt, order):
    """Fraction of GT consecutive pairs (a, b) with b immediately after a in `order`.

    A page with one GT region scores 1.
    """
    if len(gt) < 2:
        return 1.0
    nxt = {order[i]: order[i + 1] for i in range(len(order) - 1)}
    hits = sum(1 for a, b in zip(gt, gt[1:]) if nxt.get(a) == b)
    return hits / (len(gt) - 1)


def successor_accuracy_articles(gt, order, group):
    """Successor accuracy when the order is a set of articles read in any order.

    A GT pair (a, b) counts if b directly follows a inside the same predicted
    article, or if a is the last region of its article and b the first of
    another article (a correct article break; which article comes next is
    not judged, since colreflow may return articles as an UnorderedGroup).
    With one article this equals successor_accuracy.
    """
    if len(gt) < 2:
        return 1.0
    members = {}
    for rid in order:
        members.setdefault(group[rid], []).append(rid)
    nxt, first, last = {}, set(), set()
    for ids in members.values():
        first.add(ids[0])
        last.add(ids[-1])
        for a, b in zip(ids, ids[1:]):
            nxt[a] = b
    hits = 0
    for a, b in zip(gt, gt[1:]):
        if a not in group or b not in group:
            continue
        if group[a] == group[b]:
            hits += nxt.get(a) == b
        else:
            hits += a in last and b in first
    return hits / (len(gt) - 1)


def score(gt, pred, groups=None):
    """All figures of one predicted order; see the functions above."""
    order, grp, lost, dup = restrict(gt, pred, groups)
    out = {
        "tau": kendall_tau(gt, order),
        "succ": successor_accuracy(gt, order),
        "lost": len(lost),
        "duplicated": len(dup),
        "order": order,
    }
    if groups is not None:
        out["succ_article"] = successor_accuracy_articles(gt, order, grp)
        out["articles"] = len(set(grp.values()))
    return out
