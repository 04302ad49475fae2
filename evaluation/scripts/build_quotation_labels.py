#!/usr/bin/env python3
"""Builds the labelled statement pairs of the quotation benchmark from the PolNeAR dev split.

Reads ../shared/eval/polnear-dev.jsonl (never copied into the repository) and writes one pair per line,
"label TAB origin TAB articleA TAB piecesA TAB articleB TAB piecesB TAB edit", with no corpus text:
- label: "same" (the same utterance reported twice) or "different" (two different statements of one speaker);
- origin: "natural" (both sides are gold contents as annotated) or "synthetic" (side B is derived from side A);
- pieces: "start-end" or "start-end+start-end" (code-point offsets into the article text; several pieces are joined
  with " … ", an omission marked by an ellipsis, as a reporter trimming a quote writes it);
- edit: what the benchmark applies to side B's text: "none", or "restyle" (curly quotes made straight, dashes made
  hyphens, upper-cased first letter, trailing punctuation dropped), as another outlet's style would.

Pairs (the corpus's own annotations decide; a fixed random seed makes the file reproducible):
- natural "same": gold contents in two different articles sharing a run of at least 8 consecutive words (normalised
  as lower-case letters and digits): the same quote reported by two articles. The corpus has few of these (about 30).
- synthetic "same", from gold direct quotes of at least 14 words: a contiguous fragment (the middle 60 %), an
  ellipsis trim (the first and last thirds, joined by " … "), and the whole quote restyled.
- natural "different": two gold contents of one speaker (the same non-pronoun speaker text, lower-cased) that do not
  overlap and share no 8-word run: within one article, and across articles.

Usage: python3 build_quotation_labels.py ../shared/eval/polnear-dev.jsonl > polnear-dev-quotation-pairs.tsv
"""
import collections
import itertools
import json
import random
import re
import sys

RUN = 8
MIN_SYNTHETIC_WORDS = 14
SYNTHETIC_PER_EDIT = 45
NEGATIVES_WITHIN = 90
NEGATIVES_ACROSS = 90
PRONOUNS = set("he she they it we i you his her their its our my one who which that this these those".split())


def norm(text):
    return re.findall(r"[a-z0-9]+", re.sub(r"(?<=\w)['’\-](?=\w)", "", text.lower()))


def word_spans(text, start, end):
    """(start, end) of each word of text[start:end], offsets into the article."""
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[\w’'\-]+", text[start:end])]


def runs(words):
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def main(path):
    rng = random.Random(20261125)
    articles = [json.loads(line) for line in open(path, encoding="utf-8")]
    items = []  # (articleId, start, end, words, speakerKey, kind, text)
    for a in articles:
        for s in a["statements"]:
            if s.get("contentSpans") and len(s["contentSpans"]) > 1:
                continue  # interrupted contents: keep to one piece per side
            words = norm(s["content"])
            speaker = (s.get("speaker") or "").strip().lower()
            key = speaker if speaker and speaker not in PRONOUNS and len(speaker) > 2 else None
            items.append((a["id"], s["contentStart"], s["contentEnd"], words, key, s["kind"], a["text"]))
    out = []

    # natural positives
    by_run = collections.defaultdict(set)
    for n, it in enumerate(items):
        for r in runs(it[3]):
            by_run[r].add(n)
    positives = set()
    for members in by_run.values():
        for x, y in itertools.combinations(sorted(members), 2):
            if items[x][0] != items[y][0]:
                positives.add((x, y))
    for x, y in sorted(positives):
        out.append(("same", "natural", items[x], [(items[x][1], items[x][2])], items[y], [(items[y][1], items[y][2])], "none"))

    # synthetic positives
    long_direct = [it for it in items if it[5] == "direct" and len(it[3]) >= MIN_SYNTHETIC_WORDS]
    rng.shuffle(long_direct)
    for edit, source in (("fragment", long_direct[0::3]), ("ellipsis", long_direct[1::3]), ("restyle", long_direct[2::3])):
        for it in source[:SYNTHETIC_PER_EDIT]:
            spans = word_spans(it[6], it[1], it[2])
            n = len(spans)
            whole = [(it[1], it[2])]
            if edit == "fragment":
                a, b = n // 5, n - n // 5
                pieces = [(spans[a][0], spans[b - 1][1])]
                out.append(("same", "synthetic", it, whole, it, pieces, "none"))
            elif edit == "ellipsis":
                pieces = [(spans[0][0], spans[n // 3 - 1][1]), (spans[n - n // 3][0], spans[-1][1])]
                out.append(("same", "synthetic", it, whole, it, pieces, "none"))
            else:
                out.append(("same", "synthetic", it, whole, it, whole, "restyle"))

    # natural negatives: two different statements of one speaker
    def different(x, y):
        disjoint = x[0] != y[0] or x[2] <= y[1] or y[2] <= x[1]
        return disjoint and not (runs(x[3]) & runs(y[3])) and len(x[3]) >= 3 and len(y[3]) >= 3

    by_article_speaker = collections.defaultdict(list)
    by_speaker = collections.defaultdict(list)
    for it in items:
        if it[4]:
            by_article_speaker[(it[0], it[4])].append(it)
            by_speaker[it[4]].append(it)
    within = [(x, y) for group in by_article_speaker.values() for x, y in itertools.combinations(group, 2) if different(x, y)]
    across = [(x, y) for group in by_speaker.values() for x, y in itertools.combinations(group, 2)
              if x[0] != y[0] and different(x, y)]
    rng.shuffle(within)
    rng.shuffle(across)
    for x, y in within[:NEGATIVES_WITHIN] + across[:NEGATIVES_ACROSS]:
        out.append(("different", "natural", x, [(x[1], x[2])], y, [(y[1], y[2])], "none"))

    print("label\torigin\tarticleA\tpiecesA\tarticleB\tpiecesB\tedit")
    for label, origin, a, pa, b, pb, edit in out:
        print("\t".join([label, origin, a[0], "+".join(f"{s}-{e}" for s, e in pa), b[0],
                         "+".join(f"{s}-{e}" for s, e in pb), edit]))
    counts = collections.Counter((label, origin) for label, origin, *_ in out)
    print(f"{len(out)} pairs: " + ", ".join(f"{k[0]}/{k[1]} {v}" for k, v in sorted(counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
