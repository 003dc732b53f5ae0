#!/usr/bin/env python3
"""Checks indicators.yaml against targets/ without building plantrack.

    scripts/check-indicators.py [WORKSPACE] [--seeds DIR]

WORKSPACE defaults to the repository root (the folder above this script), DIR to
WORKSPACE/../shared/seeds. Checks, and prints every problem as `file:line: message`:

- indicators.yaml and every targets/*.yaml parse as YAML;
- every indicator has id, name, unit, measure, rollup, update with known values, a unique
  slug id, a unit that parses, and `rollup: none` when it is a ratio or a rate;
- every `indicator:` names an indicator, every indicator has at least two targets, and each
  target's unit converts to its indicator's unit (same base unit, or both counting words in
  `counts`), with a kind that fits the measure;
- `indicator:` stands right after `unit:`, `region:` right after `indicator:`;
- every milestone quote and every `restated` quote stands in the document's seed within
  three lines of its line (white space removed, full-width folded) and holds the milestone's
  value (garbled PDF digits decoded; a small whole number may be written 三, 两), the rule of
  Tests/PlanTrackStoreTests/ProvenanceTests.swift.

Exit status 0 when there is no problem, 1 otherwise. Needs PyYAML.
"""

import glob
import os
import re
import sys
from collections import defaultdict

import yaml

# ---- units: the rules of Sources/PlanTrackCore/Quantity/MeasureUnit.swift ----

SCALES = [("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("亿", 1e8), ("万", 1e4)]
FAMILIES = {
    "瓦": ("瓦", 1), "千瓦": ("瓦", 1e3), "兆瓦": ("瓦", 1e6), "吉瓦": ("瓦", 1e9),
    "kW": ("瓦", 1e3), "MW": ("瓦", 1e6), "GW": ("瓦", 1e9),
    "瓦时": ("瓦时", 1), "千瓦时": ("瓦时", 1e3), "度": ("瓦时", 1e3), "兆瓦时": ("瓦时", 1e6),
    "kWh": ("瓦时", 1e3), "MWh": ("瓦时", 1e6),
    "伏安": ("伏安", 1), "千伏安": ("伏安", 1e3), "兆伏安": ("伏安", 1e6),
    "米": ("米", 1), "千米": ("米", 1e3), "公里": ("米", 1e3), "km": ("米", 1e3),
    "克": ("克", 1), "千克": ("克", 1e3), "公斤": ("克", 1e3), "吨": ("克", 1e6),
    "%": ("%", 1), "个百分点": ("个百分点", 1), "百分点": ("个百分点", 1),
}


def half_width(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            out.append(chr(o - 0xFEE0))
        elif o == 0x3000:
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def plain_base(s):
    if s == "":
        return True
    if len(s) > 6 or any(s.startswith(p) for p, _ in SCALES):
        return False
    return all(c.isalpha() and not c.isdigit() for c in s)


def parse_unit(raw):
    """(scale, base) of a unit, or None when it does not parse."""
    text = "".join(c for c in half_width(str(raw)) if not c.isspace())
    parts = text.split("/")
    if len(parts) == 2:
        top, per = parts
        if not top or not per or len(per) > 6 or not all(c.isalpha() and not c.isdigit() for c in per):
            return None
        t = parse_unit(top)
        if t is None or t[1] == "":
            return None
        return (t[0], t[1] + "/" + per)
    if len(parts) > 2:
        return None
    rest, scale = text, 1.0
    if rest not in FAMILIES:
        for p, f in SCALES:
            if rest.startswith(p):
                rest, scale = rest[len(p):], f
                break
    if rest in FAMILIES:
        base, f = FAMILIES[rest]
        return (scale * f, base)
    return (scale, rest) if plain_base(rest) else None


# ---- provenance: the rules of Tests/PlanTrackStoreTests/ProvenanceTests.swift ----

GARBLED = dict(zip("园员圆猿源缘远苑愿怨援", "0123456789."))


def squeeze(s):
    return "".join(half_width(c) for c in str(s) if not c.isspace())


def plain_number(v):
    s = "%.6f" % abs(v)
    s = s.rstrip("0").rstrip(".")
    if s == "0":
        return "0"
    return ("-" if v < 0 else "") + s


def numerals(v):
    if v != int(v) or not 0 < v < 100:
        return []
    d = "零一二三四五六七八九"
    n = int(v)
    if n < 10:
        return [d[n]] + (["两"] if n == 2 else [])
    if n == 10:
        return ["十"]
    if n < 20:
        return ["十" + d[n - 10]]
    return [d[n // 10] + "十" + ("" if n % 10 == 0 else d[n % 10])]


def quote_problem(lines, line, quote, values):
    """None if `quote` stands near `line` and holds every value, else the reason."""
    if not isinstance(line, int) or isinstance(line, bool) or not 1 <= line <= len(lines):
        return "line %r is outside the seed (%d lines)" % (line, len(lines))
    if not isinstance(quote, str) or not quote.strip():
        return "no quote"
    window = "".join(lines[max(0, line - 4):min(len(lines), line + 3)])
    if squeeze(quote) not in squeeze(window):
        return "quote not found within three lines of line %d: %s" % (line, quote)
    decoded = "".join(GARBLED.get(c, c) for c in squeeze(quote))
    for v in values:
        if plain_number(v) not in decoded and not any(n in decoded for n in numerals(v)):
            return "value %s is not in the quote “%s”" % (plain_number(v), quote)
    return None


def milestone_values(m):
    v = m.get("value")
    if isinstance(v, dict):
        return [float(v.get("min")), float(v.get("max"))]
    return [float(v)]


# ---- the checks ----

MEASURES = {"stock", "flow", "ratio", "rate"}
ROLLUPS = {"sum", "none"}
UPDATES = {"monthly", "quarterly", "yearly"}
INDICATOR_KEYS = {"id", "name", "en", "unit", "counts", "measure", "rollup", "update"}
REQUIRED = ["id", "name", "unit", "measure", "rollup", "update"]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# kinds a target may have on an indicator of each measure
KINDS = {
    "stock": {"level", "increment"},
    "flow": {"increment"},
    "ratio": {"ratio"},
    "rate": {"level", "ratio"},
}


def main(argv):
    args = [a for a in argv[1:]]
    seeds = None
    if "--seeds" in args:
        i = args.index("--seeds")
        seeds = args[i + 1]
        del args[i:i + 2]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    seeds = seeds or os.path.join(root, "..", "shared", "seeds")
    problems = []

    def problem(where, msg):
        problems.append("%s: %s" % (where, msg))

    # indicators.yaml
    ind_path = os.path.join(root, "indicators.yaml")
    rel = os.path.relpath(ind_path, root)
    try:
        ind_doc = yaml.safe_load(open(ind_path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001 - report any read or parse error
        print("%s: cannot read: %s" % (rel, e))
        return 1
    ind_lines = open(ind_path, encoding="utf-8").read().split("\n")

    def ind_line(iid):
        for n, text in enumerate(ind_lines, 1):
            if re.match(r"^\s*-\s+id:\s*%s\s*$" % re.escape(str(iid)), text):
                return n
        return 0

    indicators = {}
    if not isinstance(ind_doc, dict) or not isinstance(ind_doc.get("indicators"), list):
        problem(rel, "expected a mapping with an `indicators:` list")
    else:
        for item in ind_doc["indicators"]:
            if not isinstance(item, dict):
                problem(rel, "an indicator is not a mapping: %r" % (item,))
                continue
            iid = item.get("id")
            where = "%s:%d" % (rel, ind_line(iid))
            for k in REQUIRED:
                if k not in item or item[k] in (None, ""):
                    problem(where, "indicator %s: missing `%s`" % (iid, k))
            for k in item:
                if k not in INDICATOR_KEYS:
                    problem(where, "indicator %s: unknown key `%s`" % (iid, k))
            if not isinstance(iid, str) or not SLUG.match(iid):
                problem(where, "indicator id %r is not lower-case ASCII words joined by '-'" % (iid,))
                continue
            if iid in indicators:
                problem(where, "duplicate indicator id %s" % iid)
            if item.get("measure") not in MEASURES:
                problem(where, "%s: measure %r is not one of %s" % (iid, item.get("measure"), sorted(MEASURES)))
            if item.get("rollup") not in ROLLUPS:
                problem(where, "%s: rollup %r is not one of %s" % (iid, item.get("rollup"), sorted(ROLLUPS)))
            if item.get("update") not in UPDATES:
                problem(where, "%s: update %r is not one of %s" % (iid, item.get("update"), sorted(UPDATES)))
            if item.get("measure") in ("ratio", "rate") and item.get("rollup") != "none":
                problem(where, "%s: a %s is never summed; use `rollup: none`" % (iid, item.get("measure")))
            unit = parse_unit(item.get("unit", ""))
            if unit is None:
                problem(where, "%s: unit %r does not parse" % (iid, item.get("unit")))
            counts = item.get("counts", [])
            if not isinstance(counts, list):
                problem(where, "%s: counts must be a list" % iid)
                counts = []
            for c in counts:
                pc = parse_unit(c)
                if pc is None or pc[0] != 1 or "/" in pc[1] or pc[1] in ("%", "个百分点"):
                    problem(where, "%s: counts entry %r is not a plain counting word" % (iid, c))
            if counts and unit and unit[1] not in counts:
                problem(where, "%s: counts %s do not include the unit's base %s" % (iid, counts, unit[1]))
            indicators[iid] = dict(item, _where=where, _unit=unit, _counts=set(counts))

    # targets
    on = defaultdict(list)
    restated_count = 0
    seed_cache = {}
    files = sorted(glob.glob(os.path.join(root, "targets", "*.yaml")))
    if not files:
        problem("targets/", "no target files")
    for path in files:
        rel = os.path.relpath(path, root)
        text = open(path, encoding="utf-8").read()
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as e:
            problem(rel, "YAML: %s" % e)
            continue
        lines = text.split("\n")
        document = doc.get("document", {})
        doc_id = document.get("id")
        doc_region = document.get("region")
        seed_file = (document.get("source") or {}).get("file")
        seed_lines = None
        if seed_file:
            sp = os.path.join(seeds, seed_file)
            if sp not in seed_cache:
                try:
                    seed_cache[sp] = open(sp, encoding="utf-8").read().split("\n")
                except OSError as e:
                    problem(rel, "cannot read seed %s: %s" % (sp, e))
                    seed_cache[sp] = None
            seed_lines = seed_cache[sp]

        # where each target starts, and the key order around `indicator:`
        starts = {}
        current = None
        previous = None
        for n, ln in enumerate(lines, 1):
            m = re.match(r"^  - id: (\S+)\s*$", ln)
            if m:
                current = m.group(1)
                starts[current] = n
            m = re.match(r"^    (\w+):", ln)
            if m and current:
                key = m.group(1)
                if key == "indicator" and previous != "unit":
                    problem("%s:%d" % (rel, n), "%s/%s: `indicator:` must follow `unit:`" % (doc_id, current))
                if key == "region" and previous != "indicator":
                    problem("%s:%d" % (rel, n), "%s/%s: `region:` must follow `indicator:`" % (doc_id, current))
                previous = key

        for t in doc.get("targets") or []:
            tid = t.get("id")
            key = "%s/%s" % (doc_id, tid)
            where = "%s:%d" % (rel, starts.get(tid, 0))
            iid = t.get("indicator")
            if "region" in t:
                if "indicator" not in t:
                    problem(where, "%s: `region:` without `indicator:`" % key)
                r = t.get("region")
                if not isinstance(r, str) or not r.strip():
                    problem(where, "%s: region must be a name" % key)
                elif r == doc_region:
                    problem(where, "%s: region %s is the document's own; leave it out" % (key, r))
            if iid is not None:
                ind = indicators.get(iid)
                if ind is None:
                    problem(where, "%s: unknown indicator %r" % (key, iid))
                else:
                    on[iid].append((key, t.get("region")))
                    tu = parse_unit(t.get("unit", ""))
                    iu = ind["_unit"]
                    if tu is None:
                        problem(where, "%s: unit %r does not parse" % (key, t.get("unit")))
                    elif iu is not None:
                        same = tu[1] == iu[1]
                        counted = tu[1] in ind["_counts"] and iu[1] in ind["_counts"]
                        if not (same or counted):
                            problem(where, "%s: unit %s does not convert to %s's unit %s" % (key, t.get("unit"), iid, ind.get("unit")))
                    if t.get("kind") not in KINDS.get(ind.get("measure"), set()):
                        problem(where, "%s: a %s target cannot be on %s, a %s" % (key, t.get("kind"), iid, ind.get("measure")))
            for m in t.get("milestones") or []:
                if seed_lines is None:
                    continue
                try:
                    values = milestone_values(m)
                except (TypeError, ValueError):
                    problem(where, "%s %s: value does not parse" % (key, m.get("due")))
                    continue
                why = quote_problem(seed_lines, m.get("line"), m.get("quote"), values)
                if why:
                    problem(where, "%s %s: %s" % (key, m.get("due"), why))
                rs = m.get("restated")
                if rs is None:
                    continue
                if not isinstance(rs, list) or not rs:
                    problem(where, "%s %s: restated must be a non-empty list" % (key, m.get("due")))
                    continue
                for r in rs:
                    if not isinstance(r, dict) or set(r) != {"line", "quote"}:
                        problem(where, "%s %s: a restated entry needs exactly `line` and `quote`: %r" % (key, m.get("due"), r))
                        continue
                    restated_count += 1
                    if r["line"] == m.get("line"):
                        problem(where, "%s %s: restated line %s is the milestone's own" % (key, m.get("due"), r["line"]))
                    why = quote_problem(seed_lines, r["line"], r["quote"], values)
                    if why:
                        problem(where, "%s %s: restated: %s" % (key, m.get("due"), why))

    for iid, ind in indicators.items():
        if len(on[iid]) < 2:
            problem(ind["_where"], "indicator %s has %d target(s); an indicator needs at least two" % (iid, len(on[iid])))

    for p in problems:
        print(p)
    total = sum(len(v) for v in on.values())
    print("%d indicators, %d targets on them, %d restated quotes, %d problem(s)"
          % (len(indicators), total, restated_count, len(problems)))
    for iid in indicators:
        regions = sorted({r or "-" for _, r in on[iid]} - {"-"})
        print("  %-40s %d%s" % (iid, len(on[iid]), ("  regions: " + ", ".join(regions)) if regions else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
