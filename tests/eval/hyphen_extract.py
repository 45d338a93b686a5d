#!/usr/bin/env python3
"""Extracts the line texts of real pages for the hyphenation evaluation.

Writes one plain-text document per page under tests/data/hyphen/real/ (one
TextLine a line, a blank line between regions/blocks) and, on stdout, a
TSV of every line that ends with a hyphen glyph after a letter or digit:
doc, line (1-based, the left line), a proposed label, left tail, right head.
The proposed label only speeds up reading; tests/data/hyphen/real_labels.tsv
holds the labels as reviewed by reading each line end (see SOURCE.md).

  tests/eval/hyphen_extract.py /work/shared/data tests/data/hyphen/real > proposed.tsv
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

MARKS = "-\u2010\u00ad\u2e17\u2e40\u00ac="
CONJ = {"und", "oder", "bzw", "sowie", "bis", "and", "or", "et", "ou", "to", "nor"}


def local(tag):
    return tag.rsplit('}', 1)[-1]


def page_regions(path):
    root = ET.parse(path).getroot()
    for reg in root.iter():
        if local(reg.tag) != 'TextRegion':
            continue
        lines = []
        for tl in reg:
            if local(tl.tag) != 'TextLine':
                continue
            text = None
            for te in tl:
                if local(te.tag) == 'TextEquiv':
                    for u in te:
                        if local(u.tag) == 'Unicode':
                            text = u.text or ''
            if text is not None and text.strip():
                lines.append(text.strip())
        if lines:
            yield lines


def alto_regions(path):
    # Text only: the engine's SUBS_CONTENT is not used (it is OCR, not truth).
    root = ET.parse(path).getroot()
    for tb in root.iter():
        if local(tb.tag) != 'TextBlock':
            continue
        lines = []
        for tl in tb:
            if local(tl.tag) != 'TextLine':
                continue
            text = ''
            for c in tl:
                n = local(c.tag)
                if n == 'String':
                    if text and not text.endswith(' '):
                        text += ' '
                    text += c.get('CONTENT') or ''
                elif n == 'SP':
                    text += ' '
                elif n == 'HYP':
                    text += c.get('CONTENT') or '-'
            if text.strip():
                lines.append(text.strip())
        if lines:
            yield lines


def propose(left, right):
    word = right.split()[0] if right.split() else ''
    core = ''.join(ch for ch in word if ch.isalnum())
    if core.lower() in CONJ and len(right.split()) > 1:
        return 'suspended'
    if core[:1].isupper() or core[:1].isdigit() or left[-2].isdigit():
        return 'keep'
    return 'remove'


SOURCES = [
    ('reichsanzeiger_gt_page_de_newspaper/*.xml', 'ra', page_regions),
    ('loc_chronam_nytribune_alto_page_en/ocr.xml', 'loc', alto_regions),
]


def main():
    data, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for pattern, tag, reader in SOURCES:
        for path in sorted(glob.glob(os.path.join(data, pattern))):
            name = f"{tag}_{os.path.splitext(os.path.basename(path))[0]}.txt"
            doc = []
            for lines in reader(path):
                if doc:
                    doc.append('')
                doc.extend(lines)
            with open(os.path.join(out_dir, name), 'w', encoding='utf-8') as f:
                f.write('\n'.join(doc) + '\n')
            for i in range(len(doc) - 1):
                left, right = doc[i], doc[i + 1]
                if (len(left) > 1 and left[-1] in MARKS and left[-2].isalnum()
                        and right.strip()):
                    print(f"{name}\t{i + 1}\t{propose(left, right)}\t{left[-30:]}\t{right[:30]}")


if __name__ == '__main__':
    main()
