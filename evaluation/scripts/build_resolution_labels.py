#!/usr/bin/env python3
"""Builds the speaker-identity labels of the resolution benchmark from the PolNeAR dev split.

Reads ../shared/eval/polnear-dev.jsonl (never copied into the repository) and writes, per gold attribution whose
source names a person, one line "articleId TAB start TAB end TAB label" (offsets in code points, as in the corpus).
No corpus text is written: the label is the person's canonical name (public figures) or "surname@articleId" for a
person the corpus names in one article only.

How a careful reader labels (and this script does):
- a full name is that person ("FBI Director James Comey" -> James Comey; "Donald J. Trump" -> Donald Trump);
- a surname alone ("Trump", "Mrs. Clinton") is the person of that surname the same article names in full,
  when only one such person is named there (honorifics decide between Mr. and Mrs. Clinton); failing that, the one
  public figure of that surname in 2015-16 US politics listed below; failing that the item is left out (ambiguous);
- pronouns, role nouns and organisations are left out (the corpus has no coreference to label them with).

Usage: python3 build_resolution_labels.py ../shared/eval/polnear-dev.jsonl > polnear-dev-speakers.tsv
"""
import json
import re
import sys

# the well-known person of a surname in this corpus's period, and name variants of the same person
FAMOUS = {
    "trump": "Donald Trump", "obama": "Barack Obama", "sanders": "Bernie Sanders", "cruz": "Ted Cruz",
    "rubio": "Marco Rubio", "carson": "Ben Carson", "christie": "Chris Christie", "kasich": "John Kasich",
    "biden": "Joe Biden", "putin": "Vladimir Putin", "fiorina": "Carly Fiorina", "pence": "Mike Pence",
    "comey": "James Comey", "romney": "Mitt Romney", "mcconnell": "Mitch McConnell", "pelosi": "Nancy Pelosi",
    "reid": "Harry Reid", "kaine": "Tim Kaine", "lewandowski": "Corey Lewandowski", "abedin": "Huma Abedin",
    "limbaugh": "Rush Limbaugh", "hannity": "Sean Hannity", "lynch": "Loretta Lynch", "podesta": "John Podesta",
    "priebus": "Reince Priebus", "giuliani": "Rudy Giuliani", "gingrich": "Newt Gingrich", "conway": "Kellyanne Conway",
    "manafort": "Paul Manafort", "huckabee": "Mike Huckabee", "netanyahu": "Benjamin Netanyahu", "merkel": "Angela Merkel",
}
VARIANTS = {
    "donald j trump": "Donald Trump", "donald john trump": "Donald Trump", "hillary rodham clinton": "Hillary Clinton",
    "bernard sanders": "Bernie Sanders", "barack h obama": "Barack Obama", "barack hussein obama": "Barack Obama",
    "rafael cruz": "Ted Cruz", "william clinton": "Bill Clinton", "joseph biden": "Joe Biden",
    "christopher christie": "Chris Christie", "donald trump jr": "Donald Trump Jr.", "michael pence": "Mike Pence",
}
TITLES = set("""mr mrs ms miss dr sen senator rep representative gov governor president vice secretary director
attorney general judge justice speaker mayor chairman chairwoman chair minister prime candidate nominee former
democratic republican democrat gop presidential front runner frontrunner campaign manager spokesman spokeswoman
spokesperson adviser advisor aide host anchor author professor prof rev reverend pastor fbi cia ceo u s us state
house white new york jersey texas florida ohio vt calif fla sens reps commentator reporter analyst chief executive
strategist pollster consultant lt col gen adm sgt sheriff officer leader majority minority whistleblower
""".split())
PRONOUNS = set("he she they it we i you his her their its our my one who which that this these those".split())


def words(text):
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"['’]s\b", "", text)
    return re.findall(r"[A-Za-z][A-Za-z\-\.']*", text)


def person_name(span):
    """The person's name tokens a speaker span gives (titles stripped), or None if it names no person."""
    toks = [t.strip(".") for t in words(span)]
    toks = [t for t in toks if t]
    if not toks or toks[0].lower() in PRONOUNS:
        return None
    # the trailing run of capitalised tokens that are not titles
    run = []
    for t in reversed(toks):
        if t[0].isupper() and t.lower().replace(".", "") not in TITLES and t.lower() not in PRONOUNS:
            run.insert(0, t)
        else:
            break
    while run and run[0].lower() in ("the", "a", "an"):
        run.pop(0)
    if not run or len(run) > 4 or len(toks) - len(run) > 6 or any(len(t) < 2 for t in run):
        return None
    if any(t.lower() in ("department", "times", "post", "news", "campaign", "committee", "court", "house",
                         "senate", "congress", "party", "administration", "office", "journal", "institute") for t in run):
        return None  # organisations
    if any(t.isupper() and len(t) > 1 for t in run):  # acronyms: organisations
        return None
    honorific = next((t.lower() for t in toks[:len(toks) - len(run)] if t.lower() in ("mr", "mrs", "ms", "miss")), None)
    return run, honorific


def canonical(full):
    key = " ".join(t.lower().replace(".", "") for t in full)
    key = re.sub(r"\b[a-z]\b ?", "", key).strip() if len(full) > 2 else key
    if key in VARIANTS:
        return VARIANTS[key]
    variant = " ".join(t.lower() for t in full)
    if variant in VARIANTS:
        return VARIANTS[variant]
    first, last = full[0], full[-1]
    return f"{first} {last}"


def main(path):
    out = sys.stdout
    out.write("# resolution benchmark labels over the PolNeAR dev split: articleId, speakerStart, speakerEnd (code points), label\n")
    out.write("# built by evaluation/scripts/build_resolution_labels.py (see its rules); no corpus text is stored here\n")
    for line in open(path, encoding="utf-8"):
        article = json.loads(line)
        text = article["text"]
        full_names = {}  # surname -> set of canonical full names named in the article
        for m in re.finditer(r"\b([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+)?) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b", text):
            first = m.group(1).split()[0]
            if first.lower() in TITLES or first.lower() in PRONOUNS:
                continue
            name = canonical(m.group(0).split())
            full_names.setdefault(m.group(2).lower(), set()).add(name)
        seen = set()
        for s in article["statements"]:
            if s.get("speaker") is None or s.get("speakerStart") is None:
                continue
            key = (s["speakerStart"], s["speakerEnd"])
            if key in seen:
                continue
            parsed = person_name(s["speaker"])
            if parsed is None:
                continue
            run, honorific = parsed
            label = None
            if len(run) >= 2:
                label = canonical(run)
            else:
                surname = run[0].lower()
                named = set(full_names.get(surname, set()))
                if surname == "clinton" and honorific in ("mrs", "ms"):
                    named = {n for n in named if n == "Hillary Clinton"} or {"Hillary Clinton"}
                elif surname == "clinton" and honorific == "mr":
                    named = {n for n in named if n == "Bill Clinton"} or {"Bill Clinton"}
                named = {n for n in named if n.split()[0].lower() not in TITLES}
                if len(named) == 1:
                    label = next(iter(named))
                elif not named and surname in FAMOUS:
                    label = FAMOUS[surname]
                elif not named:
                    label = run[0] + "@" + article["id"]
                elif surname in FAMOUS and FAMOUS[surname] in named and len(named) > 1:
                    label = None  # e.g. Donald and Eric Trump in one article: a bare "Trump" is ambiguous
            if label is None:
                continue
            seen.add(key)
            out.write(f"{article['id']}\t{key[0]}\t{key[1]}\t{label}\n")


if __name__ == "__main__":
    main(sys.argv[1])
