"""The fixed set of synthetic pages measured by tests/eval/synth_eval.py.

Every page is one call of newspage.py: a spec, a column count, a layout and the
flags --rules / --noise.  The noise seed is derived from the page name, so the set
is the same on every run and on every machine (newspage.py is deterministic given
the seed).

Specs: "shared:" names live in the synth tools' specs/ directory, "local:" names in
tests/eval/synth/specs/ (zh_city.json: original Chinese prose written for this
harness, two articles, enough text for 5-6 columns).

Held-out pages (heldout_pages(), names "ho_..."): the main grid's shape again, made
from specs no rule is tuned on (tests/eval/synth/specs/heldout/), with other noise
seeds and other renderer options (page width, type size, items in the jumped tail,
headline span).  Look at their figures, never at their pages, while tuning.

Development pages (dev_pages(), names "dev_..."): the main grid's shape and specs
again, with other noise seeds and other page widths / type sizes than both the grid
and the held-out set.  Look at them freely to diagnose failure classes: fixing them
is not fitting the grid's exact pages, and the held-out set stays unseen.
"""
import zlib

# lang -> layout -> spec; single/partial use the spec's first article only.
SPECS = {
    "zh": {"single": "local:zh_city.json", "partial": "local:zh_city.json",
           "jump": "local:zh_city.json"},
    "en": {"single": "shared:en_gpl.json", "partial": "shared:en_gpl.json",
           "jump": "shared:en_two.json"},
}
# Exceptions: a short story in 2 columns; more text for 6 narrow English columns.
SPEC_OVERRIDES = {
    ("zh", 2, "single"): "shared:zh_traffic.json",
    ("zh", 2, "partial"): "shared:zh_traffic.json",
    ("en", 6, "single"): "shared:en_gpl_long.json",
    ("en", 6, "partial"): "shared:en_gpl_long.json",
}
MAIN_COLUMNS = {"zh": (3, 5), "en": (3, 4)}
LAYOUTS = ("single", "partial", "jump")


def _page(lang, cols, layout, rules, noise):
    name = "%s_c%d_%s%s%s" % (lang, cols, layout, "_rules" if rules else "",
                              "_noise" if noise else "")
    spec = SPEC_OVERRIDES.get((lang, cols, layout), SPECS[lang][layout])
    return {"name": name, "lang": lang, "columns": cols, "layout": layout,
            "rules": rules, "noise": noise, "spec": spec,
            "seed": zlib.crc32(name.encode()) % 10000}


# -- held-out set ---------------------------------------------------------------
# One spec per language, two articles each (single/partial use the first one).
HELDOUT_SPECS = {"zh": "local:heldout/zh_river.json", "en": "local:heldout/en_bridge.json"}
# newspage.py options per (lang, columns): page width and type size differ from the
# main grid's 2480 px / 38 px, so columns are wider or narrower than any it has.
HELDOUT_RENDER = {
    ("zh", 3): {"page_width": 2640, "font_px": 40},
    ("zh", 5): {"page_width": 2400, "font_px": 34},
    ("en", 3): {"page_width": 2360, "font_px": 36},
    ("en", 4): {"page_width": 2640, "font_px": 40},
}
# ... and per layout: three items in the jumped tail instead of two, a partial
# headline over 3 of 5 columns instead of 4.
HELDOUT_LAYOUT = {
    ("zh", 3, "jump"): {"tail_items": 3},
    ("en", 3, "jump"): {"tail_items": 3},
    ("zh", 5, "partial"): {"headline_span": 3},
}


def _heldout_page(lang, cols, layout, noise):
    name = "ho_%s_c%d_%s%s" % (lang, cols, layout, "_noise" if noise else "")
    render = dict(HELDOUT_RENDER[(lang, cols)])
    render.update(HELDOUT_LAYOUT.get((lang, cols, layout), {}))
    return {"name": name, "lang": lang, "columns": cols, "layout": layout,
            "rules": False, "noise": noise, "spec": HELDOUT_SPECS[lang],
            "seed": zlib.crc32(("heldout:" + name).encode()) % 10000, "render": render}


def heldout_pages():
    """The held-out set (24 pages): the main grid's shape, other text, seeds and sizes."""
    return [_heldout_page(lang, cols, layout, noise)
            for lang in ("zh", "en") for cols in MAIN_COLUMNS[lang]
            for layout in LAYOUTS for noise in (False, True)]


# -- development set -------------------------------------------------------------
# The main grid's specs (SPECS), other seeds, and page width / type size unlike both
# the grid (2480 px / 38 px) and the held-out set (HELDOUT_RENDER).
DEV_RENDER = {
    ("zh", 3): {"page_width": 2560, "font_px": 36},
    ("zh", 5): {"page_width": 2520, "font_px": 33},
    ("en", 3): {"page_width": 2440, "font_px": 37},
    ("en", 4): {"page_width": 2560, "font_px": 35},
}


def _dev_page(lang, cols, layout, noise):
    name = "dev_%s_c%d_%s%s" % (lang, cols, layout, "_noise" if noise else "")
    return {"name": name, "lang": lang, "columns": cols, "layout": layout,
            "rules": False, "noise": noise,
            "spec": SPEC_OVERRIDES.get((lang, cols, layout), SPECS[lang][layout]),
            "seed": zlib.crc32(("dev:" + name).encode()) % 10000,
            "render": dict(DEV_RENDER[(lang, cols)])}


def dev_pages():
    """The development set (24 pages): the grid's shape and specs, other seeds and sizes."""
    return [_dev_page(lang, cols, layout, noise)
            for lang in ("zh", "en") for cols in MAIN_COLUMNS[lang]
            for layout in LAYOUTS for noise in (False, True)]


def all_pages():
    pages = []
    for lang in ("zh", "en"):
        # main grid: 2 column counts x 3 layouts x clean/noisy, plain gutters
        for cols in MAIN_COLUMNS[lang]:
            for layout in LAYOUTS:
                for noise in (False, True):
                    pages.append(_page(lang, cols, layout, False, noise))
        # the same clean pages with column rules
        for cols in MAIN_COLUMNS[lang]:
            for layout in LAYOUTS:
                pages.append(_page(lang, cols, layout, True, False))
        # extremes: 2 columns (gutters) and 6 columns (ruled), clean; 6-column jump noisy too
        for layout in LAYOUTS:
            pages.append(_page(lang, 2, layout, False, False))
        for layout in LAYOUTS:
            pages.append(_page(lang, 6, layout, True, False))
        pages.append(_page(lang, 6, "jump", True, True))
    return pages


def grid_pages():
    """The main grid alone (24 pages): the page set of issue 4's targets."""
    return [p for p in all_pages() if p["columns"] in MAIN_COLUMNS[p["lang"]] and not p["rules"]]


QUICK = ("zh_c3_single", "zh_c5_jump_noise", "en_c3_partial_rules", "en_c4_jump_noise")


def quick_pages():
    by = {p["name"]: p for p in all_pages()}
    return [by[n] for n in QUICK]
