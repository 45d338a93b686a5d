"""PAGE XML for the reading-order evaluation: parsing, ReadingOrder, destruction.

PAGE = PRImA's Page Analysis and Ground-truth Elements format
(https://github.com/PRImA-Research-Lab/PAGE-XML); versions 2010 to 2019 are
handled alike: elements are matched by local name, whatever the namespace.
"""
import io
import random
import re
import xml.etree.ElementTree as ET

# Region elements whose boxes the baselines order, and that may be part of the
# ground truth when the ReadingOrder references them.
ORDERED_REGION_TAGS = ("TextRegion", "TableRegion")

GROUP_TAGS = ("OrderedGroup", "UnorderedGroup", "OrderedGroupIndexed", "UnorderedGroupIndexed")
REF_TAGS = ("RegionRefIndexed", "RegionRef")

_RO_CUSTOM = re.compile(r"readingOrder\s*\{[^}]*\}\s*")


def local(tag):
    """Local name of an ElementTree tag ('{ns}TextRegion' -> 'TextRegion')."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def is_region(elem):
    name = local(elem.tag)
    return name.endswith("Region") and name != "Region"


class Page:
    """One parsed PAGE file: tree, its namespaces, the Page element."""

    def __init__(self, data, name="page"):
        self.name = name
        self.namespaces = []
        for event, item in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
            if item not in self.namespaces:
                self.namespaces.append(item)
        self.root = ET.fromstring(data)
        if local(self.root.tag) != "PcGts":
            raise ValueError(f"{name}: root element is {local(self.root.tag)}, not PcGts")
        pages = [c for c in self.root if local(c.tag) == "Page"]
        if len(pages) != 1:
            raise ValueError(f"{name}: {len(pages)} Page elements")
        self.page = pages[0]

    @classmethod
    def load(cls, path, name=None):
        with open(path, "rb") as f:
            return cls(f.read(), name or str(path))

    def tostring(self):
        for prefix, uri in self.namespaces:
            try:
                ET.register_namespace(prefix, uri)
            except ValueError:
                pass
        return ET.tostring(self.root, encoding="utf-8", xml_declaration=True)

    def size(self):
        def num(attr):
            try:
                return float(self.page.get(attr, "0"))
            except ValueError:
                return 0.0
        return num("imageWidth"), num("imageHeight")

    def regions(self):
        """All region elements (any *Region, nested ones too), document order."""
        return [e for e in self.page.iter() if e is not self.page and is_region(e)]

    def region_index(self):
        """id -> (local tag, element) for every region with an id."""
        out = {}
        for e in self.regions():
            rid = e.get("id")
            if rid is not None and rid not in out:
                out[rid] = (local(e.tag), e)
        return out

    def ordered_region_boxes(self):
        """[(id, tag, box)] of TextRegion/TableRegion elements with a box, document order."""
        out = []
        for e in self.regions():
            tag = local(e.tag)
            if tag not in ORDERED_REGION_TAGS or e.get("id") is None:
                continue
            b = box_of(e)
            if b is not None:
                out.append((e.get("id"), tag, b))
        return out

    def reading_order(self):
        """The ReadingOrder flattened: [(region id, group key)], see flatten_reading_order."""
        ros = [c for c in self.page if local(c.tag) == "ReadingOrder"]
        if not ros:
            return None
        out = []
        for ro in ros:
            out.extend(flatten_reading_order(ro))
        return out


def points_of(elem):
    """Points of the element's Coords: the points attribute, or PAGE 2010 Point children."""
    coords = next((c for c in elem if local(c.tag) == "Coords"), None)
    if coords is None:
        return []
    pts = []
    attr = coords.get("points")
    if attr:
        for pair in attr.split():
            xs = pair.split(",")
            if len(xs) != 2:
                continue
            try:
                pts.append((float(xs[0]), float(xs[1])))
            except ValueError:
                continue
    else:
        for p in coords:
            if local(p.tag) == "Point":
                try:
                    pts.append((float(p.get("x")), float(p.get("y"))))
                except (TypeError, ValueError):
                    continue
    return pts


def box_of(elem):
    """Bounding box (x0, y0, x1, y1) of the element's polygon, or None."""
    pts = points_of(elem)
    if not pts:
        return None
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def flatten_reading_order(group):
    """Flatten a ReadingOrder (or a group) into [(region id, group key)].

    An OrderedGroup(Indexed) lists its indexed children (RegionRefIndexed,
    OrderedGroupIndexed, UnorderedGroupIndexed) sorted by @index (ties: document
    order); an UnorderedGroup(Indexed) lists its children (RegionRef, groups) in
    document order. Nested groups are expanded in place. A group's own
    @regionRef (PAGE: the parent region that doubles as the group) comes first.
    The group key of a region is the position (0, 1, ...) in document order of
    the innermost group holding its reference: for colreflow's output, one
    OrderedGroup per article, it is the article.
    """
    out = []
    counter = [0]

    def walk(elem, key):
        name = local(elem.tag)
        if name in GROUP_TAGS:
            key = counter[0]
            counter[0] += 1
            if elem.get("regionRef"):
                out.append((elem.get("regionRef"), key))
            kids = [c for c in elem if local(c.tag) in GROUP_TAGS + REF_TAGS]
            if name.startswith("Ordered"):
                def index_of(pos_child):
                    pos, child = pos_child
                    try:
                        return (int(child.get("index")), pos)
                    except (TypeError, ValueError):
                        return (float("inf"), pos)
                kids = [c for _, c in sorted(enumerate(kids), key=index_of)]
            for c in kids:
                walk(c, key)
        elif name in REF_TAGS:
            if elem.get("regionRef"):
                out.append((elem.get("regionRef"), key))
        else:  # ReadingOrder or other wrapper
            for c in elem:
                walk(c, key)

    walk(group, -1)
    return out


def ground_truth(page):
    """Ground-truth order of a page.

    Returns (order, info): order = region ids in the flattened ReadingOrder that
    are TextRegion or TableRegion elements of the page (first occurrence kept);
    info counts what was included and left out.
    """
    ro = page.reading_order()
    if ro is None:
        return None, {"error": "no ReadingOrder"}
    index = page.region_index()
    order, seen = [], set()
    info = {"refs": len(ro), "included": {}, "excluded_type": {}, "dangling": 0, "repeated": 0,
            "not_in_ro": {}}
    for rid, _ in ro:
        if rid not in index:
            info["dangling"] += 1
            continue
        tag = index[rid][0]
        if tag not in ORDERED_REGION_TAGS:
            info["excluded_type"][tag] = info["excluded_type"].get(tag, 0) + 1
            continue
        if rid in seen:
            info["repeated"] += 1
            continue
        seen.add(rid)
        order.append(rid)
        info["included"][tag] = info["included"].get(tag, 0) + 1
    for rid, (tag, _) in index.items():
        if tag in ORDERED_REGION_TAGS and rid not in seen:
            info["not_in_ro"][tag] = info["not_in_ro"].get(tag, 0) + 1
    return order, info


def new_token(rng, taken):
    """A fresh random id ('x' + 8 hex digits) not in `taken`, then taken."""
    while True:
        tok = "x%08x" % rng.getrandbits(32)
        if tok not in taken:
            taken.add(tok)
            return tok


_STRUCTURE_CUSTOM = re.compile(r"structure\s*\{[^}]*\}\s*")


def permute_siblings(root, selects, mode, rng, box_of):
    """Permute, under every parent, the children `selects` accepts among the
    places they hold: shuffled with `rng`, or in mode 'sorted' by the top
    and then left edge of `box_of` (elements without a box last, in order)."""
    for parent in list(root.iter()):
        kids = list(parent)
        slots = [i for i, c in enumerate(kids) if selects(c)]
        if len(slots) < 2:
            continue
        items = [kids[i] for i in slots]
        if mode == "sorted":
            def key(pos_elem):
                pos, elem = pos_elem
                b = box_of(elem)
                return (0, b[1], b[0], pos) if b else (1, 0.0, 0.0, pos)
            items = [e for _, e in sorted(enumerate(items), key=key)]
        elif mode == "shuffle":
            rng.shuffle(items)
        else:
            raise ValueError(f"unknown mode {mode}")
        for i, e in zip(slots, items):
            kids[i] = e
        for c in list(parent):
            parent.remove(c)
        parent.extend(kids)


def destroy(data, seed, name, mode="shuffle", strip_types=False):
    """Make the order-destroyed copy of a PAGE file.

    1. every ReadingOrder element is removed;
    2. 'readingOrder {...}' is stripped from every custom attribute (the rest of
       the attribute is kept; an attribute left empty is dropped);
    3. the region elements (any *Region) of every parent are permuted among the
       positions they occupy: shuffled with a RNG seeded by (seed, name), or in
       mode 'sorted' sorted by (top y, left x) of their Coords' bounding box;
    4. every id attribute (regions, lines, words, groups, ...) is replaced by a
       random token 'x' + 8 hex digits, and every attribute value equal to an
       old id (regionRef and the like; or a space-separated list of old ids)
       is rewritten with the same mapping.

    With strip_types, also the @type of every region and 'structure {...}' in
    custom attributes are removed (a region's role, kept by default, can
    correlate with its place in the annotators' order, e.g. table cells).

    Returns (bytes of the new file, {old id: token}).
    """
    page = Page(data, name)
    rng = random.Random(f"{seed}|{mode}|{name}")

    for parent in list(page.root.iter()):
        for c in list(parent):
            if local(c.tag) == "ReadingOrder":
                parent.remove(c)

    for e in page.root.iter():
        custom = e.get("custom")
        if custom is not None and ("readingOrder" in custom or strip_types):
            rest = _RO_CUSTOM.sub("", custom)
            if strip_types:
                rest = _STRUCTURE_CUSTOM.sub("", rest)
            rest = rest.strip()
            if rest:
                e.set("custom", rest)
            else:
                del e.attrib["custom"]
        if strip_types and is_region(e) and "type" in e.attrib:
            del e.attrib["type"]

    permute_siblings(page.root, is_region, mode, rng, box_of)

    old_ids = [e.get("id") for e in page.root.iter() if e.get("id") is not None]
    taken = set(old_ids)
    mapping = {}
    for old in old_ids:
        if old not in mapping:
            mapping[old] = new_token(rng, taken)
    for e in page.root.iter():
        for attr, val in list(e.attrib.items()):
            if attr == "id":
                e.set(attr, mapping[val])
            elif val in mapping:
                e.set(attr, mapping[val])
            else:
                parts = val.split()
                if len(parts) > 1 and all(p in mapping for p in parts):
                    e.set(attr, " ".join(mapping[p] for p in parts))
    return page.tostring(), mapping


def check_destroyed(original, destroyed, mapping):
    """Problems of a destroyed copy (empty list = fine): regions kept, RO traces gone."""
    problems = []
    a, b = Page(original, "original"), Page(destroyed, "destroyed")
    inv = {v: k for k, v in mapping.items()}
    if len(inv) != len(mapping):
        problems.append("id mapping is not one-to-one")
    before = sorted((local(e.tag), e.get("id")) for e in a.regions())
    after = sorted((local(e.tag), inv.get(e.get("id"), "?" + str(e.get("id")))) for e in b.regions())
    if before != after:
        problems.append(f"regions differ: {len(before)} before, {len(after)} after")
    if any(local(e.tag) == "ReadingOrder" for e in b.root.iter()):
        problems.append("ReadingOrder left")
    for e in b.root.iter():
        if "readingOrder" in e.get("custom", ""):
            problems.append("readingOrder left in a custom attribute")
            break
    olds = set(mapping)
    text = destroyed.decode("utf-8")
    for e in b.root.iter():
        for attr, val in e.attrib.items():
            if val in olds or any(p in olds for p in val.split()):
                problems.append(f"original id {val!r} left in @{attr}")
    for old in olds:
        if f'"{old}"' in text:
            problems.append(f"original id {old!r} left (quoted) in the file")
    return problems
