#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Flags, by rule, what a quality-assurance lead would call wrong in the
JSON the command line exports (--export-json), so that a person reads only
the flagged reports against their PDF text.

  audit-parse.py EXPORT.json [LA_LOOKUP.csv]

Prints one line per finding (check, source, detail) and then the count of
findings per check. The rules follow the formats of FRAMEWORKS.md, not any
one file: a finding is a reason to look, not a verdict."""
import csv
import datetime
import json
import os
import re
import sys
from collections import Counter

GRADED = {"ilacs", "sif", "child_protection", "looked_after_children",
          "lscb_review", "slac"}
GRADES = {"outstanding", "good", "requires_improvement", "adequate",
          "inadequate"}
# The areas a report of each framework must grade (FRAMEWORKS.md §2).
REQUIRED = {
    "sif": {"help_and_protection", "children_in_care", "adoption",
            "care_leavers", "leadership", "overall_effectiveness"},
    "child_protection": {"overall_effectiveness", "help_and_protection",
                         "quality_of_practice", "leadership"},
    "looked_after_children": {"overall_effectiveness", "capacity_to_improve",
                              "outcomes_for_looked_after_children",
                              "quality_of_provision", "leadership"},
    "lscb_review": {"lscb"},
}
FURNITURE = re.compile(
    r"(©|crown copyright|www\.|https?:|ofsted\.gov|page \d+ of \d+|"
    r"(?<!\()\bpage \d+\b(?!,)|inspection of .* children's services|"
    r"focused visit to|piccadilly gate|aviation house|"
    r"this publication is available|\bTel\b|telephone)", re.I)
HEADING_WORDS = re.compile(
    r"^(what needs to improve|areas for (priority action|improvement)|"
    r"recommendations|strengths|findings|main findings|headline findings|"
    r"overview|next steps|within (three|six) months|immediately|"
    r"priority and immediate action)\b", re.I)
IMPERATIVE = re.compile(
    r"^(ensure|improve|strengthen|develop|increase|reduce|review|address|"
    r"make sure|the local authority should|consider)\b", re.I)
LEAD_JUNK = re.compile(
    r"(\d|\bHMI\b|inspector|majesty|ofsted|,|;|:|\(|\)|\bthe\b|\band\b|"
    r"\bwere\b|\bvisit\b)", re.I)


def slug(name):
    return re.sub(r"[^a-z0-9]+", "_", name.lower().replace("-", "_")).strip("_")


def authorities(lookup):
    """The canonical names: data/authorities.csv's, which are the lookup
    table's ONS names but for the short forms DOMAIN.md asks for ("County
    Durham", "Bedford", "Kingston upon Hull, City of")."""
    names = set()
    ours = os.path.join(os.path.dirname(__file__), "..", "data", "authorities.csv")
    with open(ours, encoding="utf-8") as f:
        rows = (line for line in f if not line.startswith("#"))
        for row in csv.DictReader(rows):
            names.add(row["name"])
    if os.path.exists(lookup):
        with open(lookup, encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                names.add(row["local_authority_ons_name"])
    return names


def date(text):
    if not text:
        return None
    return datetime.date.fromisoformat(text)


class Audit:
    def __init__(self):
        self.counts = Counter()
        self.checked = Counter()

    def flag(self, check, report, detail):
        self.counts[check] += 1
        print(f"{check}\t{os.path.basename(report['source'])}\t{detail}")

    def check(self, check, report, bad, detail=""):
        self.checked[check] += 1
        if bad:
            self.flag(check, report, detail)


def audit_metadata(a, r, known):
    kind = r["inspection_type"]
    base = os.path.basename(r["source"])
    a.check("authority-unknown", r, r["authority"] not in known,
            f"{r['authority']!r} (printed {r['authority_as_printed']!r})")
    m = re.match(r"\d+_(.+?)__", base)
    if m:
        a.check("authority-not-filename", r,
                slug(r["authority"]).replace("_city_of", "") not in slug(m.group(1))
                and slug(m.group(1)) not in slug(r["authority"]),
                f"{r['authority']!r} vs {m.group(1)}")
    title_kind = ("focused_visit" if "focused_visit" in base else
                  "monitoring_visit" if "monitoring_visit" in base else None)
    a.check("type-other", r, kind == "other", r.get("title"))
    if title_kind:
        a.check("type-vs-filename", r, kind != title_kind,
                f"{kind} but file says {title_kind}")
    start, end = date(r["start_date"]), date(r["end_date"])
    a.check("dates-missing", r, not start or not end,
            f"{r['start_date']} {r['end_date']}")
    if start and end:
        a.check("dates-order", r, end < start, f"{start} > {end}")
        a.check("dates-long", r, (end - start).days > 28,
                f"{start} .. {end}")
    pub = date(r["published_date"])
    if pub and end:
        a.check("published-before-end", r, pub < end, f"{pub} < {end}")
        a.check("published-late", r, (pub - end).days > 200,
                f"{pub} vs {end}")
    if kind == "ilacs":
        a.check("ilacs-variant", r, r["ilacs_variant"] not in ("short", "standard"),
                r["ilacs_variant"])
    lead = r["lead_inspector"]
    if kind != "jtai":
        a.check("lead-missing", r, not lead, "")
    if lead:
        words = lead.split()
        a.check("lead-junk", r,
                LEAD_JUNK.search(lead) or not 2 <= len(words) <= 4
                or any(w[0].islower() for w in words), repr(lead))


def audit_judgements(a, r):
    kind = r["inspection_type"]
    js = r["judgements"]
    from_pdf = r["source"].lower().endswith(".pdf")
    if kind not in GRADED:
        a.check("ungraded-with-grades", r, bool(js), [j["area"] for j in js])
        return
    areas = [j["area"] for j in js]
    a.check("graded-none", r, not js, "")
    a.check("judgement-duplicate", r, len(areas) != len(set(areas)), areas)
    for j in js:
        a.check("judgement-grade-odd", r, j.get("grade") not in GRADES,
                f"{j['area']}={j.get('grade')}")
        if from_pdf:
            a.check("judgement-no-page", r, not j.get("page"), j["area"])
        if kind != "slac":
            a.check("judgement-adequate-late", r,
                    j.get("grade") == "adequate" and kind in ("ilacs", "sif"),
                    j["area"])
    need = set(REQUIRED.get(kind, ()))
    if kind == "ilacs":
        end = r["end_date"] or ""
        need = {"leadership", "help_and_protection", "children_in_care"}
        if end >= "2023-01-01":
            need.add("care_leavers")
        if end < "2026-04-01":
            need.add("overall_effectiveness")
        a.check("ilacs-care-leavers-early", r,
                "care_leavers" in areas and end < "2023-01-01", end)
    missing = need - set(areas)
    a.check("judgement-missing", r, bool(missing), sorted(missing))


def item_checks(a, r, i, item, items):
    text = item["text"]
    tag = f"#{i} {text[:90]!r}"
    a.check("item-no-theme", r, not item.get("themes"), tag)
    if r["source"].lower().endswith(".pdf"):
        a.check("item-no-page", r, not item.get("page"), tag)
    a.check("item-short", r, len(text) < 30, tag)
    a.check("item-long", r, len(text) > 450, f"{len(text)} {tag}")
    a.check("item-heading", r,
            HEADING_WORDS.match(text) or text.rstrip().endswith(":")
            or (text.istitle() and len(text.split()) < 8), tag)
    a.check("item-furniture", r, FURNITURE.search(text), tag)
    a.check("item-glyph", r, re.search(r"[◼■•\uf06e\uf0a7\uf0b7▪●]|\s-\s[A-Z]", text), tag)
    a.check("item-ends-open", r,
            re.search(r"\b(and|or|of|the|to|in|for|with|a|an|that)$", text.rstrip(" ,;"))
            or text.rstrip().endswith((",", "-", "–")), tag)
    a.check("item-two-sentences-imperative", r,
            re.search(r"[.;]\s+(Ensure|Improve|Strengthen|Develop|Increase|"
                      r"Reduce|The quality|The timeliness|The effectiveness)\b", text), tag)
    if i + 1 < len(items):
        nxt = items[i + 1]["text"]
        a.check("item-cut", r,
                nxt[:1].islower() and not text.rstrip().endswith((".", ";"))
                and not all(x["text"][:1].islower() for x in items),
                f"{tag} + {nxt[:40]!r}")
    same = [j for j, x in enumerate(items) if j != i and
            re.sub(r"\W", "", x["text"].lower()) == re.sub(r"\W", "", text.lower())]
    a.check("item-duplicate", r, same and same[0] > i, f"{tag} = #{same}")
    a.check("item-strength-like", r,
            re.match(r"^(the local authority|leaders|senior leaders|children|"
                     r"social workers|there is|there are)\b.*\b(is|are|have|has)\b"
                     r".*\b(good|strong|effective|well)\b", text, re.I)
            and not re.search(r"\b(improve|ensure|should|need|further|"
                              r"consistent|more)\b", text, re.I), tag)


def audit_items(a, r):
    items = r["improvements"]
    kind = r["inspection_type"]
    a.check("items-none", r, not items and not r.get("improvement_note")
            and kind in ("ilacs", "focused_visit", "jtai", "sif",
                         "child_protection", "looked_after_children"), kind)
    for i, item in enumerate(items):
        item_checks(a, r, i, item, items)
    for s in r.get("strengths") or []:
        a.check("strength-imperative", r, IMPERATIVE.match(s), repr(s[:90]))
        a.check("strength-furniture", r, FURNITURE.search(s), repr(s[:90]))
    note = r.get("improvement_note")
    if note:
        a.check("note-has-items", r,
                re.search(r"[◼■•\uf06e▪●]|(^|\s)- ", note) or len(note) > 900,
                f"{len(note)} {note[:100]!r}")
    for w in r.get("warnings") or []:
        a.check("warning", r, True, w)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    lookup = args[1] if len(args) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "data", "la_lookup.csv")
    known = authorities(lookup)
    with open(args[0], encoding="utf-8") as f:
        doc = json.load(f)
    a = Audit()
    for r in doc["reports"]:
        audit_metadata(a, r, known)
        audit_judgements(a, r)
        audit_items(a, r)
    for fail in doc.get("failures", []):
        print(f"failure\t{fail['source']}\t{fail['reason']}")
    print(f"# {len(doc['reports'])} reports, "
          f"{sum(len(r['improvements']) for r in doc['reports'])} items",
          file=sys.stderr)
    for check in sorted(a.checked):
        print(f"# {check}: {a.counts[check]} of {a.checked[check]}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
