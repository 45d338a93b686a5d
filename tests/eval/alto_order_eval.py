#!/usr/bin/env python3
"""alto_order_eval.py - block reading order on ALTO pages against a METS article order.

Usage:
  python3 tests/eval/alto_order_eval.py [--colreflow CLI] [--sorted] [--seed N]
      [--json OUT] [--baseline-only] [--shrink F] [--band F] [--keep-inputs DIR]
      [METS_FILE_OR_DIR...]
  python3 tests/eval/alto_order_eval.py --self-test

The ALTO twin of reading_order_eval.py (PAGE XML); it reuses its baselines and
metrics (tests/eval/page_order/). Inputs: METS files, or directories holding
them (every *.xml below whose root is mets:mets); by default the Le Gaulois
issue kept out of the repository (AGPL) under
/work/shared/data/bnf_europeana_le_gaulois_1882_mets_alto_fr/, skipped with a
message when it is not there. Every ALTO file of the METS fileSec that exists
on disk is one page.

For each page:
 1. the ground truth is the METS logical structMap walked in document order
    (sibling divs by @ORDER when all of them carry one), keeping the
    mets:area BEGIN ids whose FILEID is this page's ALTO file; a reference to
    a TextLine or String counts for its TextBlock, a BEGIN..END range for the
    TextBlocks between; ComposedBlocks and illustrations (advertisements) are
    left out; a block referenced twice keeps its first place. The article of
    a block is the nearest enclosing ARTICLE div (else ADVERTISEMENT, SECTION
    or TITLE_SECTION; else the div of the area). TextBlocks of the page that
    the ground truth does not hold are not scored (the notes list them);
 2. an order-destroyed copy of the ALTO is written: the block elements
    (TextBlock, ComposedBlock, Illustration, GraphicalElement) of every parent
    shuffled among their places (seeded; --sorted: sorted by VPOS then HPOS),
    IDNEXT removed, the IDs of blocks, lines, strings and illustrations
    replaced by random tokens (references rewritten alike; STYLEREFS and
    TAGREFS point at styles and tags and stay);
 3. `CLI -f json COPY` is run; `page.regions` sorted by `position` is
    colreflow's order, each region's `article` its article; ids mapped back;
 4. the baselines of reading_order_eval.py order the copy's TextBlock boxes
    (HPOS, VPOS, WIDTH, HEIGHT);
 5. Kendall tau, successor accuracy, and for colreflow succ-art, lost/dup and
    the article agreement (GT consecutive pairs of one GT article that
    colreflow keeps in one article; pairs across a GT article break that it
    splits; the number of articles) are printed as a markdown table.

Exit status: 0 (also when the data or colreflow is missing, or colreflow fails
on a page: reported in the output), 1 when --self-test fails, 2 on a usage
error or when METS files were given but no page could be read.
"""
import argparse
import io
import json
import os
import random
import stat
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from page_order import baselines, metrics  # noqa: E402
from page_order.pagexml import local, new_token, permute_siblings  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data/bnf_europeana_le_gaulois_1882_mets_alto_fr")
# Short names of known data folders in the table.
SHORT_LABELS = {DEFAULT_DATA.name: "gaulois"}
DEFAULT_SEED = 1
DEFAULT_SHRINK = 0.05
DEFAULT_BAND = 0.01

BLOCK_TAGS = ("TextBlock", "ComposedBlock", "Illustration", "GraphicalElement")
ID_TAGS = BLOCK_TAGS + ("TextLine", "String")
# Attributes that hold ids of other kinds of element (styles, tags), never rewritten.
FOREIGN_REF_ATTRS = ("STYLEREFS", "TAGREFS", "STYLE")
# Div types that make an 'article' when no ARTICLE div encloses an area.
UNIT_TYPES = ("ADVERTISEMENT", "SECTION", "TITLE_SECTION")


def namespaces_of(data):
    out = []
    for _event, item in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
        if item not in out:
            out.append(item)
    return out


# --------------------------------------------------------------------------
# ALTO

class Alto:
    """One parsed ALTO file (any version; elements matched by local name)."""

    def __init__(self, data, name="alto"):
        self.name = name
        self.namespaces = namespaces_of(data)
        self.root = ET.fromstring(data)
        if local(self.root.tag) != "alto":
            raise ValueError(f"{name}: root element is {local(self.root.tag)}, not alto")
        pages = [e for e in self.root.iter() if local(e.tag) == "Page"]
        if len(pages) != 1:
            raise ValueError(f"{name}: {len(pages)} Page elements")
        self.page = pages[0]
        self.parent = {c: p for p in self.root.iter() for c in p}

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
        return num("WIDTH"), num("HEIGHT")

    def elements(self):
        """{ID: element} of every element with an ID, and the IDs in document order."""
        index, order = {}, []
        for e in self.root.iter():
            i = e.get("ID")
            if i is not None and i not in index:
                index[i] = e
                order.append(i)
        return index, order

    def text_blocks(self):
        return [e for e in self.page.iter() if local(e.tag) == "TextBlock"]

    def enclosing(self, elem, tag):
        e = elem
        while e is not None and local(e.tag) != tag:
            e = self.parent.get(e)
        return e

    def block_boxes(self):
        """[(id, box)] of the TextBlocks with a position, in document order."""
        out = []
        for e in self.text_blocks():
            b = box_of(e)
            if b is not None and e.get("ID") is not None:
                out.append((e.get("ID"), b))
        return out


def box_of(elem):
    try:
        x, y = float(elem.get("HPOS")), float(elem.get("VPOS"))
        w, h = float(elem.get("WIDTH")), float(elem.get("HEIGHT"))
    except (TypeError, ValueError):
        return None
    return (x, y, x + w, y + h)


def block_text(elem, limit=60):
    words = [s.get("CONTENT", "") for s in elem.iter() if local(s.tag) == "String"]
    text = " ".join(words)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def destroy(data, seed, name, mode="shuffle"):
    """The order-destroyed copy of an ALTO file: (bytes, {old id: token}).

    1. the block elements (BLOCK_TAGS) of every parent are permuted among the
       places they hold: shuffled by a RNG seeded with (seed, mode, name), or
       in mode 'sorted' by (VPOS, HPOS); lines stay in their blocks, in order;
    2. every IDNEXT attribute is removed;
    3. the ID of every element in ID_TAGS becomes 'x' + 8 hex digits, and every
       other attribute (except STYLEREFS, TAGREFS, STYLE) whose value, or each
       of whose space-separated parts, is such an old ID is rewritten alike.
    """
    alto = Alto(data, name)
    rng = random.Random(f"{seed}|{mode}|{name}")
    permute_siblings(alto.root, lambda c: local(c.tag) in BLOCK_TAGS, mode, rng, box_of)

    for e in alto.root.iter():
        if "IDNEXT" in e.attrib:
            del e.attrib["IDNEXT"]

    taken = {e.get("ID") for e in alto.root.iter() if e.get("ID") is not None}
    mapping = {}
    for e in alto.root.iter():
        old = e.get("ID")
        if old is not None and local(e.tag) in ID_TAGS and old not in mapping:
            mapping[old] = new_token(rng, taken)
    for e in alto.root.iter():
        for attr, val in list(e.attrib.items()):
            if attr in FOREIGN_REF_ATTRS:
                continue
            if attr == "ID":
                if local(e.tag) in ID_TAGS:
                    e.set(attr, mapping[val])
            elif val in mapping:
                e.set(attr, mapping[val])
            else:
                parts = val.split()
                if len(parts) > 1 and all(p in mapping for p in parts):
                    e.set(attr, " ".join(mapping[p] for p in parts))
    return alto.tostring(), mapping


def check_destroyed(original, destroyed, mapping):
    """Problems of a destroyed copy (empty list when fine)."""
    problems = []
    a, b = Alto(original, "original"), Alto(destroyed, "destroyed")

    def signature(alto, rename):
        out = []
        for e in alto.page.iter():
            if local(e.tag) in BLOCK_TAGS:
                lines = [ln.get("ID") for ln in e if local(ln.tag) == "TextLine"]
                out.append((local(e.tag), rename(e.get("ID")), box_of(e),
                            tuple(rename(x) for x in lines), block_text(e, 10 ** 6)))
        return sorted(out, key=repr)

    if signature(a, lambda x: mapping.get(x, x)) != signature(b, lambda x: x):
        problems.append("blocks (tag, id, box, lines, text) differ after mapping")
    if any("IDNEXT" in e.attrib for e in b.root.iter()):
        problems.append("IDNEXT left")
    olds = set(mapping)
    for e in b.root.iter():
        for attr, val in e.attrib.items():
            if attr in FOREIGN_REF_ATTRS:
                continue
            if val in olds or any(p in olds for p in val.split()):
                problems.append(f"old id left in {local(e.tag)}/@{attr}: {val}")
                break
    for tag in ID_TAGS:
        n_a = sum(1 for e in a.root.iter() if local(e.tag) == tag)
        n_b = sum(1 for e in b.root.iter() if local(e.tag) == tag)
        if n_a != n_b:
            problems.append(f"{tag}: {n_a} elements before, {n_b} after")
    for e in b.root.iter():
        if local(e.tag) in ID_TAGS and e.get("ID") in olds:
            problems.append(f"{local(e.tag)} keeps its id {e.get('ID')}")
    return problems


# --------------------------------------------------------------------------
# METS

class Mets:
    """A METS file: its ALTO files (fileSec) and the logical structMap."""

    def __init__(self, path):
        self.path = Path(path)
        self.root = ET.parse(str(path)).getroot()
        if local(self.root.tag) != "mets":
            raise ValueError(f"{path}: root element is {local(self.root.tag)}, not mets")
        self.files = {}  # FILEID -> (href, MIMETYPE, enclosing fileGrp USE/ID)
        for grp in self.root.iter():
            if local(grp.tag) != "fileGrp":
                continue
            for f in grp:
                if local(f.tag) != "file":
                    continue
                href = None
                for loc in f.iter():
                    if local(loc.tag) == "FLocat":
                        href = next((v for k, v in loc.attrib.items() if local(k) == "href"), None)
                        break
                self.files[f.get("ID")] = (href, f.get("MIMETYPE", ""),
                                           grp.get("USE") or grp.get("ID") or "")

    def resolve(self, href):
        """Path on disk of a FLocat href (file URL or relative path), or None."""
        if not href:
            return None
        u = urllib.parse.urlparse(href)
        if u.scheme not in ("", "file"):
            return None
        p = urllib.parse.unquote((u.netloc or "") + u.path) if u.scheme == "file" else href
        if p.startswith("./") or not os.path.isabs(p):
            cand = self.path.parent / p
        else:
            cand = Path(p)
        if cand.is_file():
            return cand
        # fall back on the file name anywhere below the METS folder
        name = Path(p).name
        hits = sorted(self.path.parent.rglob(name))
        return hits[0] if hits else None

    def alto_files(self):
        """[(FILEID, href, path or None)] of the XML files of the fileSec, in order."""
        out = []
        for fid, (href, mime, _grp) in self.files.items():
            if not href or not (mime.endswith("xml") or href.lower().endswith(".xml")):
                continue
            out.append((fid, href, self.resolve(href)))
        return out

    def logical_maps(self):
        maps = [s for s in self.root.iter() if local(s.tag) == "structMap"]
        logical = [s for s in maps if (s.get("TYPE") or "").upper() == "LOGICAL"]
        return logical or [s for s in maps if (s.get("TYPE") or "").upper() != "PHYSICAL"]

    def areas(self):
        """[(area element, [enclosing divs, outermost first])] in reading order.

        Divs are walked depth first in document order; the child divs of a div
        are taken by @ORDER when every one of them has a numeric ORDER (ties
        keep document order). A div's own fptr areas come before its children.
        """
        out = []
        stats = {"reordered": 0}

        def order_key(div):
            try:
                return int(div.get("ORDER"))
            except (TypeError, ValueError):
                return None

        def walk(div, chain):
            chain = chain + [div]
            for child in div:
                if local(child.tag) == "fptr":
                    for a in child.iter():
                        if local(a.tag) == "area":
                            out.append((a, chain))
            kids = [c for c in div if local(c.tag) == "div"]
            keys = [order_key(c) for c in kids]
            if kids and all(k is not None for k in keys):
                ordered = [c for _, c in sorted(zip(keys, kids), key=lambda kc: kc[0])]
                if ordered != kids:
                    stats["reordered"] += 1
                kids = ordered
            for c in kids:
                walk(c, chain)

        for sm in self.logical_maps():
            for div in sm:
                if local(div.tag) == "div":
                    walk(div, [])
        return out, stats


def article_of(chain):
    """(key, description) of the article an area belongs to, from its div chain."""
    for types in (("ARTICLE",), UNIT_TYPES):
        for div in reversed(chain):
            if (div.get("TYPE") or "").upper() in types:
                return div.get("ID") or f"div{id(div)}", _describe(div)
    div = chain[-1]
    return div.get("ID") or f"div{id(div)}", _describe(div)


def _describe(div):
    label = div.get("LABEL")
    return f"{div.get('TYPE', '?')} {div.get('ID', '')}" + (f" '{label}'" if label else "")


def ground_truth(mets, fileid, alto):
    """(order [TextBlock ids], {id: article key}, info) of one page."""
    index, doc_order = alto.elements()
    pos = {i: k for k, i in enumerate(doc_order)}
    order, art, seen = [], {}, set()
    info = {"areas": 0, "refs": {}, "not_block": {}, "missing": [], "articles": {},
            "duplicates": 0, "ranges": 0, "reordered_divs": 0}
    areas, stats = mets.areas()
    info["reordered_divs"] = stats["reordered"]

    def add(bid, key, desc):
        if bid in seen:
            info["duplicates"] += 1
            return
        seen.add(bid)
        order.append(bid)
        art[bid] = key
        info["articles"].setdefault(key, desc)

    for area, chain in areas:
        if area.get("FILEID") != fileid:
            continue
        info["areas"] += 1
        begin, end = area.get("BEGIN"), area.get("END")
        betype = (area.get("BETYPE") or "IDREF").upper()
        if betype != "IDREF" or not begin:
            info["not_block"][f"BETYPE {betype}"] = info["not_block"].get(f"BETYPE {betype}", 0) + 1
            continue
        key, desc = article_of(chain)
        ids = [begin]
        if end and end != begin and end in pos and begin in pos:
            info["ranges"] += 1
            ids = doc_order[pos[begin]:pos[end] + 1]
        blocks = []
        for rid in ids:
            e = index.get(rid)
            if e is None:
                info["missing"].append(rid)
                continue
            tag = local(e.tag)
            if len(ids) == 1:
                info["refs"][tag] = info["refs"].get(tag, 0) + 1
            if tag == "TextBlock":
                blocks.append(rid)
            elif tag in ("TextLine", "String"):
                tb = alto.enclosing(e, "TextBlock")
                if tb is not None and tb.get("ID"):
                    blocks.append(tb.get("ID"))
            elif len(ids) == 1 or tag in BLOCK_TAGS:
                what = tag
                if e.get("TYPE"):
                    what += f" ({e.get('TYPE')})"
                info["not_block"][what] = info["not_block"].get(what, 0) + 1
        for bid in dict.fromkeys(blocks):  # a range names a block and its lines
            add(bid, key, desc)
    return order, art, info


def excluded_blocks(alto, gt):
    """TextBlocks of the page that are not in the ground truth, described."""
    inside = set(gt)
    out = []
    for e in alto.text_blocks():
        if e.get("ID") in inside:
            continue
        holder = alto.parent.get(e)
        where = local(holder.tag) if holder is not None else "?"
        if holder is not None and local(holder.tag) == "ComposedBlock" and holder.get("TYPE"):
            where += f" {holder.get('TYPE')}"
        lines = sum(1 for ln in e if local(ln.tag) == "TextLine")
        out.append({"id": e.get("ID"), "box": box_of(e), "in": where, "lines": lines,
                    "text": block_text(e)})
    return out


# --------------------------------------------------------------------------
# evaluation

def collect_inputs(items):
    """[(label, mets path, fileid, alto path or None)] for every ALTO file of every METS."""
    mets_paths = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*.xml")):
                try:
                    with open(f, "rb") as fh:
                        head = fh.read(4096)
                except OSError:
                    continue
                if b"mets" in head.lower() and b"<alto" not in head:
                    try:
                        if local(next(ET.iterparse(str(f), events=("start",)))[1].tag) == "mets":
                            mets_paths.append(f)
                    except ET.ParseError:
                        pass
        elif p.is_file():
            mets_paths.append(p)
        else:
            print(f"alto_order_eval: no such file or directory: {item}", file=sys.stderr)
    out = []
    for mp in mets_paths:
        try:
            mets = Mets(mp)
        except (ET.ParseError, ValueError) as e:
            print(f"alto_order_eval: {mp}: {e}", file=sys.stderr)
            continue
        for fid, href, path in mets.alto_files():
            root = SHORT_LABELS.get(mp.parent.name, mp.parent.name)
            label = f"{root}/{Path(urllib.parse.urlparse(href).path).stem}"
            out.append((label, mets, fid, path))
    return out


def run_colreflow(cli, path, timeout):
    """(regions in colreflow's order [(id, article)], None) or (None, error text)."""
    try:
        proc = subprocess.run([cli, "-f", "json", str(path)], capture_output=True, timeout=timeout)
    except FileNotFoundError:
        return None, f"not found: {cli}"
    except PermissionError:
        return None, f"not executable: {cli}"
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s"
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"exit {proc.returncode}: {lines[0] if lines else '(no message)'}"
    try:
        doc = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, f"output is not JSON: {e}"
    if isinstance(doc, list):
        doc = doc[0] if doc else {}
    regions = (doc.get("page") or {}).get("regions") if isinstance(doc, dict) else None
    if not isinstance(regions, list):
        return None, "output has no page.regions"
    try:
        ordered = sorted(regions, key=lambda r: r["position"])
        return [(str(r["id"]), r.get("article")) for r in ordered], None
    except (KeyError, TypeError) as e:
        return None, f"region without id/position: {e}"


def article_agreement(gt, gt_art, pred_art):
    """How colreflow's articles match the GT articles on the GT blocks.

    kept:  GT consecutive pairs inside one GT article that colreflow puts in
           one article (None when there is no such pair);
    split: GT consecutive pairs across a GT article break that colreflow puts
           in different articles;
    pair_precision / pair_recall: over all pairs of GT blocks, of the pairs in
           one colreflow article those in one GT article, and the converse;
    articles_gt / articles_colreflow: articles over the GT blocks.
    """
    present = [r for r in gt if r in pred_art]
    within = [(a, b) for a, b in zip(gt, gt[1:]) if gt_art[a] == gt_art[b]]
    across = [(a, b) for a, b in zip(gt, gt[1:]) if gt_art[a] != gt_art[b]]
    kept = sum(1 for a, b in within if a in pred_art and b in pred_art and pred_art[a] == pred_art[b])
    split = sum(1 for a, b in across if a in pred_art and b in pred_art and pred_art[a] != pred_art[b])
    both = same_gt = same_pred = 0
    for i, a in enumerate(present):
        for b in present[i + 1:]:
            g, p = gt_art[a] == gt_art[b], pred_art[a] == pred_art[b]
            same_gt += g
            same_pred += p
            both += g and p
    return {
        "within_pairs": len(within), "kept": kept / len(within) if within else None,
        "across_pairs": len(across), "split": split / len(across) if across else None,
        "pair_precision": both / same_pred if same_pred else None,
        "pair_recall": both / same_gt if same_gt else None,
        "articles_gt": len({gt_art[r] for r in gt}),
        "articles_colreflow": len({pred_art[r] for r in present}),
    }


def method_names(shrink):
    return ["rowsort", "xycut", shrunk_name("xycut", shrink), "breuel", shrunk_name("breuel", shrink)]


def shrunk_name(method, shrink):
    return f"{method}-{round(shrink * 100):d}%"


def baseline_orders(alto, shrink, band_frac):
    items = alto.block_boxes()
    _w, h = alto.size()
    if h <= 0:
        h = max((b[3] for _, b in items), default=0.0)
    small = [(rid, baselines.shrink(b, shrink)) for rid, b in items]
    st, st_small = {}, {}
    orders = {
        "rowsort": baselines.row_sort(items, band_frac * h),
        "xycut": baselines.xy_cut(items),
        shrunk_name("xycut", shrink): baselines.xy_cut(small),
        "breuel": baselines.breuel(items, st),
        shrunk_name("breuel", shrink): baselines.breuel(small, st_small),
    }
    return orders, {"breuel": st.get("cycles_broken", 0),
                    shrunk_name("breuel", shrink): st_small.get("cycles_broken", 0)}


def evaluate_page(label, mets, fileid, path, args, keep_dir):
    if path is None:
        return {"page": label, "skipped": "ALTO file not present"}
    data = Path(path).read_bytes()
    try:
        original = Alto(data, label)
    except (ET.ParseError, ValueError) as e:
        return {"page": label, "skipped": f"cannot read: {e}"}
    gt, gt_art, info = ground_truth(mets, fileid, original)
    if not gt:
        return {"page": label, "skipped": "no TextBlock of the page in the logical structMap"}
    mode = "sorted" if args.sorted else "shuffle"
    destroyed, mapping = destroy(data, args.seed, label, mode)
    inv = {tok: old for old, tok in mapping.items()}
    copy = Alto(destroyed, label + " (destroyed)")
    excluded = excluded_blocks(original, gt)
    result = {"page": label, "path": str(path), "blocks": len(gt),
              "text_blocks": len(original.text_blocks()), "excluded": excluded,
              "gt": gt, "gt_article": gt_art, "gt_info": info, "methods": {}}
    orders, cycles = baseline_orders(copy, args.shrink, args.band)
    result["cycles_broken"] = cycles
    for name, order in orders.items():
        sc = metrics.score(gt, [inv[t] for t in order])
        result["methods"][name] = sc

    if not args.baseline_only:
        def run(tmp):
            tmp.write_bytes(destroyed)
            if not args.colreflow:
                return None, "not given"
            return run_colreflow(args.colreflow, tmp, args.timeout)
        if keep_dir is not None:
            safe = label.replace("/", "__")
            regs, err = run(Path(keep_dir) / f"{safe}.{mode}.seed{args.seed}.xml")
        else:
            with tempfile.TemporaryDirectory(prefix="colreflow-alto-") as d:
                regs, err = run(Path(d) / "page.xml")
        if regs is None:
            result["colreflow"] = {"status": "missing" if not args.colreflow else "failed",
                                   "error": err}
        else:
            pred = [inv.get(tok, "?" + tok) for tok, _ in regs]
            groups = [a for _, a in regs]
            sc = metrics.score(gt, pred, groups)
            sc["unknown_refs"] = sum(1 for tok, _ in regs if tok not in inv)
            pred_art = {}
            for rid, a in zip(pred, groups):
                pred_art.setdefault(rid, a)
            sc["agreement"] = article_agreement(gt, gt_art, {r: pred_art[r] for r in gt if r in pred_art})
            sc["articles_all_regions"] = len(set(groups))
            sc["status"] = "ok"
            result["colreflow"] = sc
    return result


def fmt(x):
    return "–" if x is None else f"{x:.3f}"


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def summarise(results, names, with_colreflow):
    pages = [r for r in results if "skipped" not in r]
    out = {"pages": len(pages), "blocks": sum(r["blocks"] for r in pages),
           "excluded": sum(len(r["excluded"]) for r in pages)}
    for m in names:
        out[m] = {k: mean([r["methods"][m][k] for r in pages]) for k in ("tau", "succ")}
    if with_colreflow:
        ok = [r["colreflow"] for r in pages if r.get("colreflow", {}).get("status") == "ok"]
        c = {"pages": len(ok)}
        for k in ("tau", "succ", "succ_article"):
            c[k] = mean([x[k] for x in ok])
        for k in ("kept", "split", "pair_precision", "pair_recall"):
            c[k] = mean([x["agreement"][k] for x in ok])
        c["articles_gt"] = sum(x["agreement"]["articles_gt"] for x in ok)
        c["articles_colreflow"] = sum(x["agreement"]["articles_colreflow"] for x in ok)
        c["lost"] = sum(x["lost"] for x in ok)
        c["duplicated"] = sum(x["duplicated"] for x in ok)
        out["colreflow"] = c
    return out


def print_table(results, summary, names, with_colreflow, out=sys.stdout):
    pages = [r for r in results if "skipped" not in r]
    head = ["page", "blocks (GT / not)"]
    if with_colreflow:
        head += ["colreflow τ / succ / succ-art", "art. kept / split", "articles GT / cr",
                 "lost / dup"]
    head += [f"{m} τ / succ" for m in names]
    print("| " + " | ".join(head) + " |", file=out)
    print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|", file=out)
    for r in pages:
        row = [r["page"], f"{r['blocks']} / {len(r['excluded'])}"]
        if with_colreflow:
            c = r["colreflow"]
            if c["status"] == "ok":
                a = c["agreement"]
                row += [f"{fmt(c['tau'])} / {fmt(c['succ'])} / {fmt(c['succ_article'])}",
                        f"{fmt(a['kept'])} / {fmt(a['split'])}",
                        f"{a['articles_gt']} / {a['articles_colreflow']}",
                        f"{c['lost']} / {c['duplicated']}"]
            else:
                row += [c["status"], "–", "–", "–"]
        for m in names:
            s = r["methods"][m]
            row.append(f"{fmt(s['tau'])} / {fmt(s['succ'])}")
        print("| " + " | ".join(row) + " |", file=out)
    row = [f"**mean** ({summary['pages']} pages)", f"{summary['blocks']} / {summary['excluded']}"]
    if with_colreflow:
        c = summary["colreflow"]
        if c["pages"]:
            n = "" if c["pages"] == summary["pages"] else f" (n={c['pages']})"
            row += [f"{fmt(c['tau'])} / {fmt(c['succ'])} / {fmt(c['succ_article'])}{n}",
                    f"{fmt(c['kept'])} / {fmt(c['split'])}",
                    f"{c['articles_gt']} / {c['articles_colreflow']}",
                    f"{c['lost']} / {c['duplicated']}"]
        else:
            row += ["–", "–", "–", "–"]
    for m in names:
        row.append(f"{fmt(summary[m]['tau'])} / {fmt(summary[m]['succ'])}")
    print("| " + " | ".join(row) + " |", file=out)


def print_notes(results, with_colreflow, out=sys.stdout):
    for r in results:
        if "skipped" in r:
            print(f"- {r['page']}: skipped ({r['skipped']})", file=out)
            continue
        info = r["gt_info"]
        parts = [f"{info['areas']} areas", f"{len(info['articles'])} articles"]
        if info["not_block"]:
            parts.append("left out: " + ", ".join(f"{k} ×{v}" for k, v in sorted(info["not_block"].items())))
        if info["duplicates"]:
            parts.append(f"{info['duplicates']} repeated references")
        if info["missing"]:
            parts.append(f"{len(info['missing'])} BEGIN ids not in the ALTO")
        if info["reordered_divs"]:
            parts.append(f"@ORDER reorders the children of {info['reordered_divs']} divs")
        print(f"- {r['page']}: ground truth from " + "; ".join(parts), file=out)
        for e in r["excluded"]:
            b = e["box"]
            where = "no box" if b is None else f"x {b[0]:.0f}–{b[2]:.0f}, y {b[1]:.0f}–{b[3]:.0f}"
            print(f"  - not in the GT: {e['id']} in {e['in']}, {e['lines']} lines, {where}: "
                  f"“{e['text']}”", file=out)
        if with_colreflow:
            c = r["colreflow"]
            if c["status"] != "ok":
                if c["error"] != "not given":
                    print(f"  - colreflow: {c['status']}: {c['error']}", file=out)
            else:
                a = c["agreement"]
                print(f"  - colreflow articles: pair precision {fmt(a['pair_precision'])}, "
                      f"recall {fmt(a['pair_recall'])}; {c['articles_all_regions']} articles over all "
                      f"regions" + (f"; {c['unknown_refs']} unknown ids" if c["unknown_refs"] else ""),
                      file=out)
        cyc = {m: n for m, n in r.get("cycles_broken", {}).items() if n}
        if cyc:
            print("  - cycles broken: " + ", ".join(f"{m} {n}" for m, n in cyc.items()), file=out)
    if with_colreflow and all(r.get("colreflow", {}).get("error") == "not given"
                              for r in results if "skipped" not in r):
        print("- colreflow: not run (no --colreflow given)", file=out)


# --------------------------------------------------------------------------
# self-test (synthetic METS and ALTO written here, no external data needed)

SYNTH_ALTO = """<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#">
 <Styles><TextStyle ID="TS1" FONTSIZE="10"/><TextStyle ID="TS2" FONTSIZE="20"/></Styles>
 <Tags><LayoutTag ID="LT1" TYPE="structure" LABEL="Paragraph"/></Tags>
 <Layout><Page ID="P1" WIDTH="1000" HEIGHT="1000"><PrintSpace ID="PS1">
{blocks}
 </PrintSpace></Page></Layout>
</alto>
"""


def synth_alto():
    """A two-column page: heading, two blocks per column, a page number in a ComposedBlock."""
    specs = [("B1", 50, 50, 900, 60, "Heading", "TS2"), ("B2", 50, 150, 420, 300, "left one", "TS1"),
             ("B3", 50, 500, 420, 300, "left two", "TS1"), ("B4", 530, 150, 420, 300, "right one", "TS1"),
             ("B5", 530, 500, 420, 300, "right two", "TS1")]
    out = []
    for k, (bid, x, y, w, h, text, style) in enumerate(specs):
        nxt = f' IDNEXT="{specs[k + 1][0]}"' if k + 1 < len(specs) else ""
        out.append(f'  <TextBlock ID="{bid}" HPOS="{x}" VPOS="{y}" WIDTH="{w}" HEIGHT="{h}" '
                   f'STYLEREFS="{style}" TAGREFS="LT1"{nxt}><TextLine ID="{bid}_L1" HPOS="{x}" '
                   f'VPOS="{y}" WIDTH="{w}" HEIGHT="30"><String ID="{bid}_S1" CONTENT="{text}" '
                   f'HPOS="{x}" VPOS="{y}" WIDTH="{w}" HEIGHT="30"/></TextLine></TextBlock>')
    out.append('  <ComposedBlock ID="CB1" TYPE="Advertisement" HPOS="450" VPOS="900" WIDTH="100" '
               'HEIGHT="40"><TextBlock ID="B6" HPOS="450" VPOS="900" WIDTH="100" HEIGHT="40">'
               '<TextLine ID="B6_L1" HPOS="450" VPOS="900" WIDTH="100" HEIGHT="40"><String ID="B6_S1" '
               'CONTENT="9" HPOS="450" VPOS="900" WIDTH="100" HEIGHT="40"/></TextLine></TextBlock>'
               '</ComposedBlock>')
    return SYNTH_ALTO.format(blocks="\n".join(out))


SYNTH_METS = """<?xml version="1.0" encoding="UTF-8"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink">
 <mets:fileSec><mets:fileGrp ID="ALTOFiles">
  <mets:file ID="A1" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" xlink:href="file://./ALTO/p1.xml"/></mets:file>
  <mets:file ID="A2" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" xlink:href="file://./ALTO/p2.xml"/></mets:file>
 </mets:fileGrp></mets:fileSec>
 <mets:structMap TYPE="PHYSICAL"><mets:div TYPE="Newspaper"><mets:div TYPE="PAGE">
  <mets:fptr><mets:area FILEID="A1" BETYPE="IDREF" BEGIN="B5"/></mets:fptr></mets:div></mets:div></mets:structMap>
 <mets:structMap TYPE="LOGICAL"><mets:div TYPE="Newspaper" ID="L0">
  <mets:div TYPE="ARTICLE" ID="ART1">
   <mets:div TYPE="HEADING"><mets:div TYPE="TITLE"><mets:fptr><mets:area FILEID="A1" BETYPE="IDREF" BEGIN="B1"/></mets:fptr></mets:div></mets:div>
   <mets:div TYPE="BODY">
    <mets:div TYPE="PARAGRAPH" ORDER="2"><mets:fptr><mets:area FILEID="A1" BETYPE="IDREF" BEGIN="B3_L1"/></mets:fptr></mets:div>
    <mets:div TYPE="PARAGRAPH" ORDER="1"><mets:fptr><mets:area FILEID="A1" BETYPE="IDREF" BEGIN="B2"/></mets:fptr></mets:div>
    <mets:div TYPE="PARAGRAPH" ORDER="3"><mets:fptr><mets:area FILEID="A2" BETYPE="IDREF" BEGIN="B9"/></mets:fptr></mets:div>
   </mets:div>
  </mets:div>
  <mets:div TYPE="ARTICLE" ID="ART2"><mets:div TYPE="BODY">
   <mets:fptr><mets:area FILEID="A1" BETYPE="IDREF" BEGIN="B4" END="B5"/></mets:fptr>
   <mets:fptr><mets:area FILEID="A1" BETYPE="IDREF" BEGIN="B2"/></mets:fptr>
  </mets:div></mets:div>
  <mets:div TYPE="SECTION" ID="ADS"><mets:div TYPE="ADVERTISEMENT" ID="AD1">
   <mets:fptr><mets:area FILEID="A1" BETYPE="IDREF" BEGIN="CB1"/></mets:fptr></mets:div></mets:div>
 </mets:div></mets:structMap>
</mets:mets>
"""

FAKE_CLI = r'''#!{python}
# Fake colreflow for the self-test: orders the TextBlocks of an ALTO file by the
# row-sort baseline, first half article 0, the rest article 1, and prints them
# as page.regions in a shuffled list order (position gives the order).
import json, random, sys
sys.path.insert(0, {here!r})
import alto_order_eval as E
from page_order import baselines
args = sys.argv[1:]
if args[:2] != ["-f", "json"] or len(args) != 3:
    print("fake colreflow: unexpected arguments", args, file=sys.stderr)
    sys.exit(2)
data = open(args[2], "rb").read()
if b"FAIL" in data[:200]:
    print("fake failure\nsecond line", file=sys.stderr)
    sys.exit(1)
alto = E.Alto(data)
order = baselines.row_sort(alto.block_boxes(), {band} * alto.size()[1])
half = len(order) // 2
regions = [dict(id=r, article=0 if i < half else 1, position=i, bbox=[0, 0, 1, 1])
           for i, r in enumerate(order)]
random.Random(5).shuffle(regions)
json.dump(dict(page=dict(width=1, height=1, regions=regions)), sys.stdout)
'''


def self_test(data_dir):
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    with tempfile.TemporaryDirectory(prefix="colreflow-alto-selftest-") as d:
        d = Path(d)
        (d / "ALTO").mkdir()
        alto_text = synth_alto()
        (d / "ALTO" / "p1.xml").write_text(alto_text, encoding="utf-8")
        (d / "issue-METS.xml").write_text(SYNTH_METS, encoding="utf-8")
        inputs = collect_inputs([str(d)])
        check([(lab, fid, p is not None) for lab, _m, fid, p in inputs]
              == [(f"{d.name}/p1", "A1", True), (f"{d.name}/p2", "A2", False)],
              f"inputs wrong: {inputs}")
        mets = inputs[0][1]
        alto = Alto(alto_text.encode("utf-8"), "synth")
        gt, art, info = ground_truth(mets, "A1", alto)
        check(gt == ["B1", "B2", "B3", "B4", "B5"], f"GT order wrong: {gt}")
        check(art == {"B1": "ART1", "B2": "ART1", "B3": "ART1", "B4": "ART2", "B5": "ART2"},
              f"GT articles wrong: {art}")
        check(info["duplicates"] == 1 and info["ranges"] == 1 and info["reordered_divs"] == 1
              and info["not_block"] == {"ComposedBlock (Advertisement)": 1}, f"GT info wrong: {info}")
        ex = excluded_blocks(alto, gt)
        check([e["id"] for e in ex] == ["B6"] and ex[0]["in"] == "ComposedBlock Advertisement",
              f"excluded wrong: {ex}")

        data = alto_text.encode("utf-8")
        for mode in ("shuffle", "sorted"):
            out, mapping = destroy(data, 7, "synth", mode)
            for p in check_destroyed(data, out, mapping):
                failures.append(f"synth ({mode}): {p}")
            check(destroy(data, 7, "synth", mode)[0] == out, f"synth ({mode}): not deterministic")
            check(b'STYLEREFS="TS2"' in out and b'TAGREFS="LT1"' in out and b'ID="TS1"' in out,
                  f"synth ({mode}): style or tag references touched")
            check(b"xmlns=\"http://www.loc.gov/standards/alto/ns-v2#\"" in out and b"ns0:" not in out,
                  f"synth ({mode}): namespace not kept as default")
        srt, mapping = destroy(data, 7, "synth", "sorted")
        inv = {t: o for o, t in mapping.items()}
        top = [inv[e.get("ID")] for e in Alto(srt).page.iter() if local(e.tag) in BLOCK_TAGS]
        check(top == ["B1", "B2", "B4", "B3", "B5", "CB1", "B6"], f"sorted order wrong: {top}")
        check(destroy(data, 7, "synth", "shuffle")[0] != destroy(data, 8, "synth", "shuffle")[0],
              "seeds 7 and 8 give the same copy")

        agr = article_agreement(["a", "b", "c", "d"], {"a": 1, "b": 1, "c": 2, "d": 2},
                                {"a": 0, "b": 0, "c": 0, "d": 1})
        check(agr["kept"] == 0.5 and agr["split"] == 0.0 and agr["articles_gt"] == 2
              and agr["articles_colreflow"] == 2 and abs(agr["pair_precision"] - 1 / 3) < 1e-9
              and agr["pair_recall"] == 0.5, f"article agreement wrong: {agr}")

        cli = d / "fake-colreflow"
        cli.write_text(FAKE_CLI.format(python=sys.executable, here=str(HERE), band=DEFAULT_BAND),
                       encoding="utf-8")
        cli.chmod(cli.stat().st_mode | stat.S_IXUSR)
        args = argparse.Namespace(seed=3, sorted=False, shrink=DEFAULT_SHRINK, band=DEFAULT_BAND,
                                  baseline_only=False, colreflow=str(cli), timeout=60)
        label, mets, fid, path = inputs[0]
        r = evaluate_page(label, mets, fid, path, args, None)
        c, rs = r.get("colreflow", {}), r["methods"]["rowsort"]
        check(c.get("status") == "ok", f"fake colreflow: {c}")
        if c.get("status") == "ok":
            check(c["tau"] == rs["tau"] and c["succ"] == rs["succ"] and c["lost"] == 0
                  and c["duplicated"] == 0 and c["unknown_refs"] == 0,
                  f"fake colreflow figures differ from rowsort: {c} {rs}")
            check(c["agreement"]["articles_gt"] == 2, f"fake colreflow articles: {c['agreement']}")
        check(rs["order"] == ["B1", "B2", "B4", "B3", "B5"], f"rowsort on the synthetic page: {rs}")
        check(r["methods"]["breuel"]["order"] == gt, "breuel on the synthetic page")
        skipped = evaluate_page(*inputs[1], args, None)
        check(skipped.get("skipped") == "ALTO file not present", f"missing page: {skipped}")
        failing = d / "FAIL.xml"
        failing.write_text("<!-- FAIL -->", encoding="utf-8")
        regs, err = run_colreflow(str(cli), failing, 60)
        check(regs is None and err == "exit 1: fake failure", f"failure report wrong: {err}")
        regs, err = run_colreflow(str(d / "nonexistent"), failing, 60)
        check(regs is None and err.startswith("not found"), f"missing CLI report wrong: {err}")

    real = 0
    if Path(data_dir).is_dir():
        for label, mets, fid, path in collect_inputs([str(data_dir)]):
            if path is None:
                continue
            data = Path(path).read_bytes()
            for mode in ("shuffle", "sorted"):
                out, mapping = destroy(data, 7, label, mode)
                for p in check_destroyed(data, out, mapping):
                    failures.append(f"{label} ({mode}): {p}")
            real += 1
    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print(f"self-test passed (synthetic page; {real} ALTO pages of {data_dir} destroyed in both modes)")
    return 0


# --------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help=f"METS files or directories (default {DEFAULT_DATA})")
    ap.add_argument("--colreflow", metavar="CLI", help="path of the colreflow command-line tool")
    ap.add_argument("--sorted", action="store_true",
                    help="destroy the order by sorting blocks by (VPOS, HPOS) instead of shuffling")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"RNG seed (default {DEFAULT_SEED})")
    ap.add_argument("--json", metavar="OUT", help="write all figures as JSON to OUT")
    ap.add_argument("--baseline-only", action="store_true", help="run only the baselines")
    ap.add_argument("--shrink", type=float, default=DEFAULT_SHRINK,
                    help=f"box shrink of the '-N%%' baselines (default {DEFAULT_SHRINK})")
    ap.add_argument("--band", type=float, default=DEFAULT_BAND,
                    help=f"row-sort y band as a fraction of the page height (default {DEFAULT_BAND})")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per colreflow run (default 300)")
    ap.add_argument("--keep-inputs", metavar="DIR", help="keep the order-destroyed ALTO files in DIR")
    ap.add_argument("--self-test", action="store_true", help="run the self-check and exit")
    args = ap.parse_args(argv)

    if args.self_test:
        return self_test(DEFAULT_DATA)
    if not 0 <= args.shrink < 0.5:
        ap.error("--shrink must be in [0, 0.5)")
    if args.keep_inputs:
        os.makedirs(args.keep_inputs, exist_ok=True)
    items = args.inputs
    if not items:
        if not DEFAULT_DATA.is_dir():
            print(f"alto_order_eval: {DEFAULT_DATA} not present; nothing to evaluate", file=sys.stderr)
            return 0
        items = [str(DEFAULT_DATA)]
    inputs = collect_inputs(items)
    results = [evaluate_page(label, mets, fid, path, args, args.keep_inputs)
               for label, mets, fid, path in inputs]
    if not any("skipped" not in r for r in results):
        print_notes(results, False)
        print("alto_order_eval: no ALTO page with a METS order", file=sys.stderr)
        return 2
    names = method_names(args.shrink)
    with_colreflow = not args.baseline_only
    summary = summarise(results, names, with_colreflow)
    mode = "sorted by (VPOS, HPOS)" if args.sorted else f"shuffled, seed {args.seed}"
    print(f"Block reading order vs. the METS article order; input blocks {mode}; "
          f"cells: Kendall τ / successor accuracy.\n")
    print_table(results, summary, names, with_colreflow)
    print()
    print_notes(results, with_colreflow)
    if args.json:
        doc = {"seed": args.seed, "mode": "sorted" if args.sorted else "shuffle",
               "shrink": args.shrink, "band": args.band, "baseline_only": args.baseline_only,
               "methods": names + (["colreflow"] if with_colreflow else []),
               "mean": summary, "pages": results}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
