"""bench/generate.py: deterministic synthetic reports in the genre of the samples, with recurring tracked items."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from bench.generate import (
    BODIES,
    GOLD_TRACKS,
    LAST_YEAR,
    STAGES,
    TRACKS,
    generate,
    generate_reports,
    main,
    schedule,
    write_reports,
)

ROOT = Path(__file__).resolve().parents[1]
MAIN_TRACK = "work-plan-migrant-smuggling"
NAME = re.compile(r"^(\d{5})_([a-z0-9-]+)_(\d{4}-\d{2}-\d{2})\.txt$")


@pytest.fixture(scope="module")
def reports():
    return list(generate_reports(1000))


def flat(text: str) -> str:
    """The text as a reader sees it: hard wraps and Word artefacts gone."""
    return " ".join(re.sub(r"\[bookmark:[^\]]*\]", "", text).split())


# ---- determinism and files ------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert write_reports(150, a) == (150, 0)
    assert write_reports(150, b) == (150, 0)
    files = sorted(p.name for p in a.iterdir())
    assert files == sorted(p.name for p in b.iterdir())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def test_seed_changes_the_reports():
    assert list(generate(40, seed=42)) != list(generate(40, seed=7))
    assert list(generate(40, seed=7)) == list(generate(40, seed=7))


def test_a_smaller_archive_is_a_prefix_of_a_larger_one():
    # Below the size where meetings must get denser to end by LAST_YEAR, reports do not depend on n.
    assert list(generate(60)) == list(generate(300))[:60]


def test_hash_seed_does_not_matter():
    code = "import hashlib; from bench.generate import generate; print(hashlib.sha256(''.join(n + t for n, t in generate(80)).encode()).hexdigest())"
    out = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(out) == 1


def test_cli_writes_n_utf8_lf_files(tmp_path):
    out = tmp_path / "reports"
    done = subprocess.run([sys.executable, "-m", "bench.generate", "--reports", "25", "--out", str(out), "--seed", "3"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert "wrote 25 reports" in done.stdout
    files = sorted(out.iterdir())
    assert len(files) == 25
    for i, p in enumerate(files):
        m = NAME.match(p.name)
        assert m and int(m.group(1)) == i, p.name
        data = p.read_bytes()
        assert b"\r" not in data and data.endswith(b"\n")
        data.decode("utf-8")
    assert [(p.name, p.read_text(encoding="utf-8")) for p in files] == list(generate(25, seed=3))


def test_clean_removes_only_earlier_generated_reports(tmp_path, capsys):
    write_reports(12, tmp_path)
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["--reports", "5", "--out", str(tmp_path)]) == 0
    assert "7 reports from an earlier run" in capsys.readouterr().err  # kept, but the user is told
    assert len(list(tmp_path.glob("0*.txt"))) == 12
    assert main(["--reports", "5", "--out", str(tmp_path), "--clean"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([n for n, _ in generate(5)] + ["notes.txt"])


# ---- meetings ---------------------------------------------------------------------------------------


def test_meetings_are_unique_and_in_date_order(reports):
    assert len(reports) == 1000
    keys = [(r.body, r.start) for r in reports]
    assert len(set(keys)) == len(keys)
    assert [r.start for r in reports] == sorted(r.start for r in reports)
    for i, r in enumerate(reports):
        m = NAME.match(r.name)
        assert m and (int(m.group(1)), m.group(2), m.group(3)) == (i, r.body, r.start.isoformat())
    assert {b.slug for b in BODIES} <= {r.body for r in reports}


def test_each_body_meets_a_few_times_a_year(reports):
    per_year = Counter((r.body, r.start.year) for r in reports)
    years = Counter(r.body for r in reports)
    for body in ("rcm-lon-smtp", "rcm-rcgm"):
        span = max(y for b, y in per_year if b == body) - min(y for b, y in per_year if b == body) + 1
        assert 1.5 <= years[body] / span <= 3.5
        assert max(n for (b, _), n in per_year.items() if b == body) <= 3


def test_large_archives_stay_unique_and_within_readable_years():
    slots = schedule(10_000)
    assert len(slots) == 10_000
    assert len({(s.body.slug, s.start) for s in slots}) == 10_000
    assert slots[-1].start.year <= LAST_YEAR  # the converter reads years up to 2099


# ---- what a report looks like -----------------------------------------------------------------------


def test_every_report_has_title_dateline_opening_and_items(reports):
    assert reports, "the generator made no reports"
    for r in reports:
        lines = [ln.strip() for ln in r.text.splitlines()]
        text = flat(r.text)
        assert re.search(r"\b(REPORT FROM|REPORT OF|CONCLUSIONS OF) THE MEETING OF THE [A-Z]", text), r.name
        assert r.place in lines and r.date_text in lines, r.name  # the dateline: place, then date
        assert re.search(r"\bheld its (ordinary|regular) meeting\b", text), r.name
        assert re.search(r"with participation of representatives from (the following countries: )?(the )?[A-Z]", text), r.name
        assert re.search(r"submits (its|the) (following )?(report|conclusions)|adopted the following agreements", text), r.name
        assert 6 <= r.items <= 14 and 8 <= len(r.participants) <= 11
        tops = [ln for ln in lines if re.match(r"^\d{1,2}[.)] \S", ln)]
        assert len(tops) >= r.items, r.name
        assert re.search(r"^1[.)] (\[bookmark:[^\]]*\])?To thank the delegations (of|from) ", r.text, re.M), r.name


def test_the_samples_artefacts_and_layouts_all_occur(reports):
    texts = [r.text for r in reports]

    def some(pattern: str, flags: int = re.M) -> int:
        return sum(bool(re.search(pattern, t, flags)) for t in texts)

    assert some(r"^Final Version$") > 20
    assert some(r"Regional Conference on Migration\n(?:.*\n)+Conferencia Regional sobre Migración\nRegional Conference on Migration") > 10
    assert some(r"\[bookmark: _GoBack\]") > 20
    assert some(r"^- a\. .*\n - b\. ") > 20  # 000's "- a." / " - b."
    assert some(r"^a\. ") > 20 and some(r"^a\) ") > 20 and some(r"^\u2022 ") > 20 and some(r"^2\) ") > 20
    assert some(r"^1\. .*\n\n?1\. .*\n\n?1\. ") > 20  # Word numbering lost, as in 002
    assert some(r"[a-z,] \n[a-z]") > 50  # hard-wrapped lines, as in 004
    assert some(r"\u00a0") > 20
    assert some(r"^[A-Z][a-z]+ \d{1,2}(st|nd|rd|th), \d{4}$") > 20
    assert some(r"^\d{1,2} [A-Z][a-z]+ \d{4}$") > 20
    assert some(r"^[A-Z][a-z]+ \d{1,2}-\d{1,2}, \d{4}$") > 5
    assert some(r"^REPORT FROM THE MEETING OF THE LIAISON OFFICER NETWORK TO COMBAT") > 20
    assert some(r"^CONCLUSIONS OF THE MEETING OF THE REGIONAL CONSULTATION GROUP ON MIGRATION \(RCGM\)") > 20


def test_item_kinds_actors_and_due_phrases_vary(reports):
    text = "\n".join(flat(r.text) for r in reports)
    for phrase in ("To thank ", "Take note of ", "To ask the ", " will send ", "offered to organize ", "Regarding the ",
                   "Member Countries requested ", "Proposal of new activities:", "IOM", "UNODC", "RNCOM", "SICA",
                   "Save the Children", "Regional Coalition", "Technical Secretariat", "within three weeks",
                   "before the next meeting", "in a two-month period", " Quarter of 20", "during the first two months of 20",
                   "prior to the meeting of the Regional Consultation Group on Migration (RCGM)"):
        assert phrase in text, phrase
    assert re.search(r"\bby \d{1,2} [A-Z][a-z]+ \d{4}\b", text)


# ---- tracked items ----------------------------------------------------------------------------------


def test_tracked_items_are_zipf_weighted_and_the_main_one_recurs(reports):
    counts = Counter(slug for r in reports for slug in {s for s, _ in r.tracks})
    assert 30 <= len(TRACKS) <= 60 and len(counts) >= 30
    documents = {t.slug for t in TRACKS if t.document}
    doc_counts = Counter({s: n for s, n in counts.items() if s in documents})
    assert doc_counts.most_common(1)[0][0] == MAIN_TRACK
    assert counts[MAIN_TRACK] >= 150  # hundreds at 1,000 reports
    ranked = sorted(doc_counts.values(), reverse=True)
    assert ranked[0] >= 4 * ranked[len(ranked) // 2]


def test_the_main_track_moves_through_every_stage_and_only_forward(reports):
    seq = [stage for r in reports for slug, stage in r.tracks if slug == MAIN_TRACK]
    assert set(seq) == set(STAGES)
    ranks = [STAGES.index(s) for s in seq]
    for before, after in zip(ranks, ranks[1:], strict=False):
        # Backwards only when a new edition starts after years of implementation.
        assert after >= before or (STAGES[before] == "in-implementation" and STAGES[after] in ("proposed", "in-preparation"))
    assert sum(1 for a, b in zip(ranks, ranks[1:], strict=False) if b < a) >= 2  # several editions


def test_stage_mentions_are_worded_for_the_converter(reports, tmp_path):
    """The converter reads the stage each gold-track mention was generated at (and the header facts)."""
    from rcmkg.converters.read import read
    from rcmkg.pipeline import convert_source
    from rcmkg.settings import Settings

    settings = Settings()
    checked = Counter()
    missed = []
    for r in reports[::8]:
        path = tmp_path / r.name
        path.write_text(r.text, encoding="utf-8")
        conv, facts = convert_source(read(path), settings)
        assert conv.filename == f"{r.body}_{r.start.isoformat()}.ttl", r.name
        assert len(facts.delegations) == len(r.participants), r.name
        assert sum(a.item.parent is None for a in facts.agreements) == r.items, r.name
        found = defaultdict(set)
        for a in facts.agreements:
            for s in a.stages:
                found[s.track].add(s.stage)
        for slug, stage in r.tracks:
            if slug in GOLD_TRACKS and stage is not None:
                checked[stage] += 1
                if stage not in found[slug]:
                    missed.append((r.name, slug, stage, sorted(found[slug])))
    assert len(checked) >= 6 and sum(checked.values()) >= 100
    assert not missed, missed[:5]


def test_a_thousand_reports_are_quick():
    # Generous on purpose (it takes about 0.15 s): only a gross slowdown should fail this.
    t0 = time.perf_counter()
    assert sum(1 for _ in generate(1000)) == 1000
    assert time.perf_counter() - t0 < 10
