"""Write tests/corpus/gold/*.json and tracks.json from the hand annotation in annotation.py.

Every judgment (kinds, actors, commitments, due dates, documents, tracks, organisations) is written
by hand in annotation.py from reading the reports. This script only does the mechanical part that
the shared gold's author also did mechanically: it cuts each item's full text out of the report
(from its anchor to the next item's marker), computes text_start, positions and source lines, finds
the surface forms of each organisation, and checks that every quoted string is in the source.
It never runs the converter. Run: python tests/corpus/make_gold.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import annotation as A  # noqa: E402

REPORTS = HERE / "reports"
GOLD = HERE / "gold"


def collapse(text: str) -> str:
    return " ".join(text.split())


def flexible(anchor: str) -> re.Pattern[str]:
    """The anchor with any run of whitespace (a hard wrap) allowed between its words."""
    return re.compile(r"\s+".join(re.escape(w) for w in anchor.split()))


def cut_items(raw: str, items: list[dict], stops: list[str]) -> list[tuple[str, int, int]]:
    """(text, first line, last line) of each item, in order."""
    starts = []
    cursor = 0
    for it in items:
        m = flexible(it["anchor"]).search(raw, cursor)
        if not m:
            raise SystemExit(f"anchor not found after {cursor}: {it['anchor']!r}")
        starts.append(m.start())
        cursor = m.end()
    out = []
    for i in range(len(items)):
        end = starts[i + 1] if i + 1 < len(items) else len(raw)
        chunk = raw[starts[i]:end]
        for stop in stops:
            m = flexible(stop).search(chunk)
            if m:
                chunk = chunk[: m.start()]
        text = collapse(chunk)
        if i + 1 < len(items):
            # The next item's printed marker (and a lost-bullet glyph) sits before its anchor.
            marker = items[i + 1].get("marker") or ""
            for tail in (marker, "\uf0b7"):
                if tail and text.endswith(" " + tail):
                    text = text[: -len(tail) - 1]
                elif tail and text == tail:
                    text = ""
        text = text.strip()
        first = raw.count("\n", 0, starts[i]) + 1
        # The last line is the one holding the text's last word (the chunk may run into the next marker).
        tail = chunk.rfind(text.split()[-1]) if text else 0
        last = raw.count("\n", 0, starts[i] + max(tail, 0)) + 1
        out.append((text, first, last))
    return out


def surface_forms(raw: str, candidates: dict[str, list[str]]) -> dict[str, list[str]]:
    """Per name, its candidate forms that occur on their own: longer forms (of any name) are blanked
    out first, so "Red" inside "Red de Funcionarios ..." is not a mention of its own."""
    flat = collapse(raw)
    pairs = sorted(((len(f), f, name) for name, forms in candidates.items() for f in forms), reverse=True)
    found: dict[str, list[str]] = {}
    for _, form, name in pairs:
        pattern = rf"(?<![\w]){re.escape(form)}(?![\w])"
        if re.search(pattern, flat):
            found.setdefault(name, []).append(form)
            if not any(f == form and n != name for _, f, n in pairs):
                flat = re.sub(pattern, "\x00", flat)
    return {name: [f for f in candidates[name] if f in forms] for name, forms in found.items()}


def build(spec: dict) -> tuple[dict, list[tuple[str, dict]]]:
    raw = (REPORTS / spec["source"]).read_text(encoding="utf-8")
    flat = collapse(raw)
    cuts = cut_items(raw, spec["items"], spec.get("stops", []))
    label_pos = {}
    items = []
    for pos, (it, (text, first, last)) in enumerate(zip(spec["items"], cuts, strict=True), start=1):
        if it.get("label"):
            label_pos[it["label"]] = pos
        row = {
            "label": it.get("label"),
            "position": pos,
            "parent": it.get("parent"),
            "printed_marker": it.get("marker"),
            "kind": it["kind"],
            "kind_alt": it.get("kind_alt", []),
            "actors": it.get("actors", []),
            "documents": it.get("documents", []),
            "tracked_items": it.get("tracks", []),
            "text_start": " ".join(text.split()[:8]),
            "text": text,
            "source_lines": [first, last],
        }
        if it.get("label") is None:
            row["reconstructed_label"] = it.get("reconstructed")
        if it.get("parent_position"):
            row["parent_position"] = it["parent_position"]
        if it.get("actors_optional"):
            row["actors_optional"] = it["actors_optional"]
        if it.get("note"):
            row["note"] = it["note"]
        items.append(row)
    for row in items:
        if row["parent"] and row["parent"] not in label_pos:
            raise SystemExit(f"{spec['source']}: unknown parent {row['parent']}")
    if spec.get("translation"):
        tr = spec["translation"]
        traw = (REPORTS / tr["source"]).read_text(encoding="utf-8")
        tcuts = cut_items(traw, tr["items"], tr.get("stops", []))
        if len(tcuts) != len(items):
            raise SystemExit(f"{tr['source']}: {len(tcuts)} items, {len(items)} in {spec['source']}")
        for row, (text, first, last), tit in zip(items, tcuts, tr["items"], strict=True):
            row["translation"] = {
                "source": tr["source"],
                "printed_marker": tit.get("marker"),
                "text_start": " ".join(text.split()[:8]),
                "text": text,
                "source_lines": [first, last],
            }

    def pos_of(label: str) -> int:
        return label_pos[label] if label in label_pos else int(label)

    commitments = []
    for n, c in enumerate(spec.get("commitments", []), start=1):
        row = {"id": f"{spec['id']}-C{n}", "item": c["item"], "item_position": pos_of(c["item"])}
        row.update({k: v for k, v in c.items() if k != "item"})
        row.setdefault("co_actors", [])
        row.setdefault("due", None)
        row.setdefault("optional", False)
        row.setdefault("inferred", [])
        commitments.append(row)
    documents = []
    for d in spec.get("documents", []):
        for m in d["mentions"]:
            if collapse(m) not in flat:
                raise SystemExit(f"{spec['source']}: document mention not in source: {m!r}")
        row = dict(d)
        row["items"] = d["items"]
        row["item_positions"] = [pos_of(x) for x in d["items"]]
        row.setdefault("anaphoric_mentions", [])
        row.setdefault("optional", False)
        documents.append(row)
    names = spec["organisations"] + [o["name"] for o in spec.get("organisations_optional", [])]
    mentions = surface_forms(raw, {org: A.SURFACE.get(org, [org]) for org in names})
    for org in spec["organisations"]:
        if org not in mentions:
            raise SystemExit(f"{spec['source']}: no surface form found for {org}")
    for o in spec.get("organisations_optional", []):
        o.setdefault("mentions", mentions.get(o["name"], []))
    collective = surface_forms(raw, A.COLLECTIVES)
    gold = {
        "source": spec["source"],
        "meeting": spec["meeting"],
        "delegations_iso2": sorted(spec["delegations"]),
        "delegations_notes": spec.get("delegations_notes", ""),
        "organisations": sorted(spec["organisations"]),
        "organisations_optional": spec.get("organisations_optional", []),
        "organisation_mentions": mentions,
        "collective_actor_mentions": collective,
        "items": items,
        "commitments": commitments,
        "documents": documents,
        "events": spec.get("events", []),
        "extraction_artifacts": spec.get("extraction_artifacts", []),
    }
    for key in ("translations", "language", "layout"):
        if key in spec:
            gold[key] = spec[key]
    entries = []
    for slug, stage in spec.get("stages", {}).items():
        rows = [r for r in items if slug in r["tracked_items"]]
        entries.append((slug, {
            "source": spec["source"],
            "meeting_date": spec["meeting"]["date"],
            "items": [r["label"] for r in rows],
            "item_positions": [r["position"] for r in rows],
            "items_reconstructed": [r["label"] or r.get("reconstructed_label") for r in rows],
            "stage": stage,
        }))
    used = {t for r in items for t in r["tracked_items"]}
    if used != set(spec.get("stages", {})):
        raise SystemExit(f"{spec['source']}: tracks {sorted(used)} but stages {sorted(spec.get('stages', {}))}")
    return gold, entries


def main() -> None:
    GOLD.mkdir(exist_ok=True)
    tracks: dict[str, list[dict]] = {}
    sources = {p.name for p in REPORTS.iterdir()}
    covered = set()
    for spec in A.REPORTS:
        gold, entries = build(spec)
        covered.add(spec["source"])
        covered.update(t["source"] for t in spec.get("translations", []))
        (GOLD / (Path(spec["source"]).stem + ".json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        for slug, entry in entries:
            tracks.setdefault(slug, []).append(entry)
    for slug in tracks:
        tracks[slug].sort(key=lambda e: (e["meeting_date"], e["source"]))
    (GOLD / "tracks.json").write_text(json.dumps(dict(sorted(tracks.items())), ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")
    if covered != sources:
        raise SystemExit(f"reports without gold: {sorted(sources - covered)}")
    print(f"{len(A.REPORTS)} gold files, {len(tracks)} tracks")


if __name__ == "__main__":
    main()
