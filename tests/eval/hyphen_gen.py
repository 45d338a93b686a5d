#!/usr/bin/python3
"""Generates hyphenated newspaper columns with a label for every line end.

Running text (English: the licence texts Debian ships in
/usr/share/common-licenses and tests/data/articles; German: the CC0
Reichsanzeiger transcriptions in tests/data/hyphen/real, long s modernised)
with real compounds mixed in (names, hyphenated compounds, suspended
compounds, number ranges) is set in a narrow column. A word that does not
fit is hyphenated by a real hyphenator, libhyphen's patterns from Debian's
hyphen-en-us and hyphen-de through python3-pyphen; a compound may break at
its own hyphen. Every line end is labelled:
  remove     the hyphenator's hyphen (joined without it)
  keep       the compound's own hyphen (joined with it, no space)
  suspended  "Ein-" before "und" (hyphen kept, then a space)
  space      a break between words (joined with a space)

Writes tests/data/hyphen/generated/<doc>.txt (the column, paragraphs apart
by a blank line), <doc>.words (the paragraphs unbroken, one a line) and
generated_labels.tsv (doc, line, label, split). Deterministic.

  /usr/bin/python3 tests/eval/hyphen_gen.py tests/data/hyphen
"""
import glob
import os
import random
import re
import sys

import pyphen

# Real compounds; the first half of each list goes to the development
# documents, the second half to the held-out ones.
COMPOUNDS = {
    'en': [
        'well-known', 'long-term', 'pre- and post-war', 'Baden-Württemberg', 'self-esteem',
        'mother-in-law', 'twenty-one', '1914-1918', 'Anglo-Saxon', 'first- and second-class',
        'Jean-Paul Sartre', 'Hewlett-Packard', 'state-of-the-art', 'X-ray', 'T-shirt',
        'follow-up', 'decision-making', 'up-to-date', 'short- and long-term', 'pages 12-14',
        'Rolls-Royce', 'anti-American', 'non-profit', 'vice-president', 'part-time',
        'Alsace-Lorraine', 'Austria-Hungary', 'brother-in-law', 'forty-two', '1870-1871',
        'ninth- or tenth-century', 'middle-class', 'Smith-Jones', 'three-quarters',
        'low- and middle-income', 'cross-examination', 'Coca-Cola', 'B-52', 'ex-wife',
        'Winston-Salem', 'pro-European', 'full-scale', 'over- and underestimated',
        'Mercedes-Benz', 'second-hand', 'old-fashioned', 'world-wide', 'pages 101-109',
        'Anne-Marie', 'all-out', 'left-wing', 'right-wing', 'one-third',
    ],
    'de': [
        'Baden-Württemberg', 'Ein- und Ausgang', 'Nordrhein-Westfalen', 'E-Mail', '1914-1918',
        'Max-Planck-Institut', 'Schleswig-Holstein', 'CDU-Fraktion', 'US-Präsident',
        'Vor- und Nachteile', 'Stadt- und Landkreise', 'Haupt- oder Nebenbahn',
        'Ost-West-Konflikt', 'Hans-Peter Müller', 'Müller-Lüdenscheid', 'Lkw-Fahrer',
        'Kfz-Steuer', 'Bundes- und Landesrecht', 'Mecklenburg-Vorpommern', 'Sachsen-Anhalt',
        'Rheinland-Pfalz', 'Karl-Heinz', 'Ein- bis Zweifamilienhäuser', 'Export-Import',
        'Elsass-Lothringen', 'Österreich-Ungarn', 'Dr.-Ing.', 'Schwarz-Weiß-Film',
        'Groß- und Kleinschreibung', 'Berlin-Charlottenburg', 'Goethe-Institut',
        'Frankfurt-Höchst', 'UN-Sicherheitsrat', 'Zoll- und Handelsverein', 'Nord- und Ostsee',
        'Ein- und Ausfuhr', 'Kaiser-Wilhelm-Kanal', 'Rhein-Main-Gebiet', 'Anna-Lena',
        'Arbeiter- und Soldatenrat', 'Jahre 1870-1871', 'Seiten 12-14', 'Hamburg-Altona',
        'Reichs- und Staatsanzeiger', 'Süd-Tirol', 'VW-Werk', 'Post- und Telegraphenamt',
        'Lebens- und Genussmittel', 'Magdeburg-Halberstadt',
    ],
}
SUSPENDED_NEXT = {'and', 'or', 'und', 'oder', 'bis', 'bzw.', 'sowie', 'to', 'nor'}


def english_paragraphs(root):
    sources = {'dev': ['/usr/share/common-licenses/GPL-3'] +
               sorted(glob.glob(os.path.join(root, '..', 'articles', 'en_*.txt'))),
               'held-out': ['/usr/share/common-licenses/Apache-2.0',
                            '/usr/share/common-licenses/MPL-2.0']}
    out = {}
    for split, paths in sources.items():
        paras = []
        for path in paths:
            text = open(path, encoding='utf-8').read()
            for block in re.split(r'\n\s*\n', text):
                # Headlines and bylines stand apart from the running text.
                lines = [l for l in block.split('\n')
                         if not l.startswith('#') and not l.startswith('By ')]
                words = ' '.join(lines).split()
                # Licence texts break "non-" at their own line ends; keep whole words only.
                words = [w for w in words if not w.endswith('-') and '--' not in w]
                if len(words) >= 12:
                    paras.append(words)
        out[split] = paras
    return out


def german_paragraphs(root):
    modern = str.maketrans({'ſ': 's', 'ꝛ': 'r', '⸗': '-'})
    out = {'dev': [], 'held-out': []}
    for path in sorted(glob.glob(os.path.join(root, 'real', 'ra_*.txt'))):
        year = int(os.path.basename(path)[3:7])
        split = 'held-out' if year >= 1904 else 'dev'
        lines = open(path, encoding='utf-8').read().split('\n')
        para, cut_before = [], False
        for line in lines + ['']:
            if not line.strip():
                if len(para) >= 12:
                    out[split].append(para)
                para, cut_before = [], False
                continue
            words = line.translate(modern).replace('\u0364', 'e').split()
            if cut_before and words:
                words = words[1:]  # the rest of a word cut at the line before
            cut_before = bool(words) and words[-1][-1] in '-¬=' and len(words[-1]) > 1
            if cut_before:
                words = words[:-1]
            para.extend(w for w in words if not w.startswith('-'))
    return out


def with_compounds(paras, compounds, rng):
    out = []
    for words in paras:
        words = list(words)
        k = rng.randrange(6, 14)
        while k < len(words):
            words[k:k] = rng.choice(compounds).split()
            k += rng.randrange(8, 20)
        out.append(words)
    return out


def break_points(word, hyph):
    """(left part with its hyphen, right part, label) for every place `word` may break."""
    points = []
    parts = re.split('[-⸗]', word)
    offset = 0
    for i, part in enumerate(parts):
        core = re.match(r'^(\W*)(.*?)(\W*)$', part)
        lead, body = core.group(1), core.group(2)
        if body.isalpha() and len(body) >= 4:
            for pos in hyph.positions(body):
                at = offset + len(lead) + pos
                points.append((word[:at] + '-', word[at:], 'remove'))
        offset += len(part) + 1
        if i + 1 < len(parts) and parts[i + 1] and part:
            points.append((word[:offset], word[offset:], 'keep'))
    return sorted(points, key=lambda p: len(p[0]))


def set_column(paras, width, hyph, mark, rng):
    """Lines of the column and one label per line (its end)."""
    lines, labels = [], []
    for p, words in enumerate(paras):
        if p:
            lines.append('')
            labels.append(None)
        line = ''
        i = 0
        while i < len(words):
            w = words[i]
            trial = (line + ' ' + w) if line else w
            if len(trial) <= width:
                line = trial
                i += 1
                continue
            # Hyphenate: the longest left part that fits.
            fits = [bp for bp in break_points(w, hyph)
                    if len((line + ' ' if line else '') + bp[0]) <= width and len(bp[1]) >= 2]
            if fits and (not line or rng.random() < 0.85):
                left, right, label = fits[-1]
                # Soft hyphens mark the typesetter's breaks only; "¬" (as
                # transcriptions print it) every line-end hyphen.
                if (mark == '\u00ad' and label == 'remove') or mark in ('¬', '⸗'):
                    left = left[:-1] + mark
                lines.append((line + ' ' if line else '') + left)
                labels.append(label)
                words = words[:i] + [right] + words[i + 1:]
                line = ''
                continue
            if not line:  # a word longer than the column: set it alone
                line = w
                i += 1
                continue
            nxt = w
            label = 'space'
            if line[-1] in '-⸗' and nxt in SUSPENDED_NEXT:
                label = 'suspended'
            lines.append(line)
            labels.append(label)
            line = ''
        if line:
            lines.append(line)
            labels.append('end')
    return lines, labels


def main():
    root = sys.argv[1]
    out_dir = os.path.join(root, 'generated')
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(20261129)
    label_rows = []
    corpora = {'en': english_paragraphs(root), 'de': german_paragraphs(root)}
    hyphs = {'en': pyphen.Pyphen(lang='en_US'), 'de': pyphen.Pyphen(lang='de_DE')}
    for lang in ('en', 'de'):
        comp = COMPOUNDS[lang]
        halves = {'dev': comp[: len(comp) // 2], 'held-out': comp[len(comp) // 2:]}
        for split in ('dev', 'held-out'):
            paras = corpora[lang][split]
            # Documents of about 12 paragraphs, each set at its own width.
            for d in range(0, len(paras), 12):
                n = d // 12 + 1
                doc_paras = with_compounds(paras[d:d + 12], halves[split], rng)
                width = rng.choice([26, 30, 34, 38, 44])
                # Old prints' marks on some German documents.
                mark = '-'
                if lang == 'de' and n % 4 == 2:
                    mark = '⸗'
                elif lang == 'de' and n % 4 == 3:
                    mark = '¬'
                elif lang == 'en' and n % 4 == 3:
                    mark = '\u00ad'
                if mark == '⸗':  # Fraktur prints every hyphen so
                    doc_paras = [[w.replace('-', '⸗') for w in p] for p in doc_paras]
                name = f"{lang}_{split}_{n:02d}"
                lines, labels = set_column(doc_paras, width, hyphs[lang], mark, rng)
                with open(os.path.join(out_dir, name + '.txt'), 'w', encoding='utf-8') as f:
                    f.write('\n'.join(lines) + '\n')
                with open(os.path.join(out_dir, name + '.words'), 'w', encoding='utf-8') as f:
                    f.write('\n'.join(' '.join(p) for p in doc_paras) + '\n')
                for k, label in enumerate(labels):
                    if label in ('remove', 'keep', 'suspended', 'space'):
                        label_rows.append(f"{name}.txt\t{k + 1}\t{label}\t{split}")
    with open(os.path.join(root, 'generated_labels.tsv'), 'w', encoding='utf-8') as f:
        f.write('# doc\tline\tlabel\tsplit  (written by tests/eval/hyphen_gen.py)\n')
        f.write('\n'.join(label_rows) + '\n')


if __name__ == '__main__':
    main()
