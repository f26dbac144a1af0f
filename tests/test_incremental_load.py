"""Incremental loads: reloading a few changed, added or removed reports gives the store (every quad,
the entailments, the metadata) and the derived entries (timelines, commitments) that a full load of
the same files gives, and touches only what the changed reports touch."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from bench.generate import write_reports
from rcmkg.index.commitments import COMMITMENTS, cached_commitments
from rcmkg.index.timelines import TIMELINE
from rcmkg.pipeline import convert
from rcmkg.settings import Settings
from rcmkg.store.load import load_paths
from rcmkg.store.local import ARCHIVE, LoadSummary, LocalStore
from rcmkg.trace.resolve import tracked_items

pytestmark = pytest.mark.slow

REPORTS = 30


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    work = tmp_path_factory.mktemp("incremental")
    write_reports(REPORTS, work / "txt", seed=11)
    summary = convert([work / "txt"], work / "rdf", Settings(), jobs=1)
    assert not summary.errors
    files = sorted((work / "rdf").glob("*.ttl"))
    assert len(files) == REPORTS
    return files


def _term(t: object, labels: dict[str, str]) -> str:
    return f"_:{labels[t.value]}" if isinstance(t, ox.BlankNode) else str(t)


def snapshot(folder: Path) -> tuple[list[str], list[str]]:
    """Every quad of the store as sorted N-Quads lines (blank nodes named by what they are linked
    to: a load names them afresh), and every derived entry."""
    with LocalStore(folder, read_only=True) as store:
        quads = list(store.ox)
        index = sorted(str(q) for q in store.index.ox)
    sig: dict[str, list[str]] = defaultdict(list)
    for q in quads:
        if isinstance(q.subject, ox.BlankNode):
            sig[q.subject.value].append(f"> {q.predicate} {'_' if isinstance(q.object, ox.BlankNode) else q.object} {q.graph_name}")
        if isinstance(q.object, ox.BlankNode):
            sig[q.object.value].append(f"< {'_' if isinstance(q.subject, ox.BlankNode) else q.subject} {q.predicate} {q.graph_name}")
    labels = {b: hashlib.sha256("\n".join(sorted(v)).encode()).hexdigest()[:16] for b, v in sig.items()}
    lines = sorted(f"{_term(q.subject, labels)} {q.predicate} {_term(q.object, labels)} {q.graph_name} ." for q in quads)
    return lines, index


def full_load(files: list[Path], folder: Path) -> tuple[list[str], list[str]]:
    shutil.rmtree(folder, ignore_errors=True)
    summary = load_paths(files, Settings(store=str(folder)))
    assert not summary.errors and summary.changes is None  # a first load computes everything
    return snapshot(folder)


def assert_same(got: tuple[list[str], list[str]], want: tuple[list[str], list[str]]) -> None:
    quads, index = got
    assert len(quads) > 10_000 and len(index) >= 3
    missing, extra = sorted(set(want[0]) - set(quads)), sorted(set(quads) - set(want[0]))
    assert not missing and not extra, (missing[:3], extra[:3])
    assert quads == want[0]  # the same multiset of quads
    published = [x for x in index if "<urn:rcmkg:published>" in x]
    assert len(published) == 1
    _same_published(published[0], next(x for x in want[1] if "<urn:rcmkg:published>" in x))
    assert [x[:300] for x in index] == [x[:300] for x in want[1]]
    assert index == want[1]


def _same_published(got: str, want: str) -> None:
    """The published entries field by field (a difference shown where it is)."""
    import json

    def entry(line: str) -> dict:
        quad = next(iter(ox.parse(line.rstrip(" .") + " .", format=ox.RdfFormat.N_QUADS)))
        return json.loads(quad.object.value.split("\n", 1)[1])

    g, w = entry(got), entry(want)
    assert g["stats"]["total"] > 0 and g["meetings"]
    for key in ("stats", "meetings", "tracks", "labels", "pages"):
        if key == "stats":
            for k in w["stats"]:
                assert g["stats"][k] == w["stats"][k], k
        assert g[key] == w[key], key


def _edit_agreement_text(path: Path, out: Path) -> None:
    """One literal changed: the first agreement text gets a sentence more."""
    text = path.read_text(encoding="utf-8")
    changed, n = re.subn(r'(rcm:text ")', r"\1To thank IOM for the development of the Work Plan. ", text, count=1)
    assert n == 1
    out.write_text(changed, encoding="utf-8")


def _without_thanks(path: Path, out: Path) -> None:
    """Literals changed so that the report no longer thanks anyone (what made it evidence)."""
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r'"[^"\n]*"', lambda m: m.group(0).replace("thank", "greet").replace("Thank", "Greet"), text)
    assert changed != text
    out.write_text(changed, encoding="utf-8")


def _file_of(meeting: str, files: list[Path]) -> Path:
    body, day = meeting.rstrip("/").split("/")[-2:]
    return next(f for f in files if f.name == f"{body}_{day}.ttl")


def test_change_addition_and_removal_give_what_a_full_load_gives(converted: list[Path], tmp_path: Path):
    store, folder = tmp_path / "store", tmp_path / "files"
    folder.mkdir()
    full_load(converted, tmp_path / "full")
    with LocalStore(tmp_path / "full", read_only=True) as s:
        entries = cached_commitments(s)
    assert entries
    # reports that give evidence about earlier commitments (what the fulfilment update must redo)
    evidence = sorted({(v.meeting, e.row.meeting) for e in entries for v in e.evidence})
    assert len(evidence) >= 2, evidence
    changed = _file_of(evidence[0][0], converted)
    added = _file_of(evidence[1][0], converted)
    removed = _file_of(max(((e.row.meeting, k) for k, e in enumerate(entries) if e.evidence))[0], converted)
    assert len({changed, added, removed}) == 3
    for f in converted:
        if f != added:
            shutil.copy(f, folder / f.name)
    first = load_paths([folder], Settings(store=str(store)))
    assert len(first.loaded) == REPORTS - 1

    # changed literals (the report no longer gives its evidence)
    _without_thanks(changed, folder / changed.name)
    summary = load_paths([folder], Settings(store=str(store)), prune=True)
    assert summary.replaced == [changed.name] and summary.changes is not None and len(summary.changes) == 1
    assert summary.derived["timelines computed"] == 0 < summary.derived["timelines updated"]  # spliced, not recomputed
    assert summary.derived["published updated"] == 1  # the statistics moved by the changed triples, not recounted
    # the commitments' shards updated (the changed meeting's, those it gave evidence about), not recomputed
    assert 0 < summary.derived["commitments computed"] < len(entries) / 2
    assert_same(snapshot(store), full_load(sorted(folder.glob("*.ttl")), tmp_path / "full"))

    # an added report, in the middle of the archive, with evidence about earlier commitments
    shutil.copy(added, folder / added.name)
    summary = load_paths([folder], Settings(store=str(store)), prune=True)
    assert summary.loaded == [added.name] and summary.changes is not None
    assert summary.derived["timelines computed"] == 0 < summary.derived["timelines updated"]
    assert 0 < summary.derived["commitments computed"] < len(entries) / 2
    assert_same(snapshot(store), full_load(sorted(folder.glob("*.ttl")), tmp_path / "full"))

    # a removed report, with commitments that had evidence
    (folder / removed.name).unlink()
    summary = load_paths([folder], Settings(store=str(store)), prune=True)
    assert summary.removed == [removed.name] and summary.changes is not None
    assert summary.derived["published updated"] == 1
    assert_same(snapshot(store), full_load(sorted(folder.glob("*.ttl")), tmp_path / "full"))

    # the newest report removed: the assessments' "as of" day moves, so they are all written again
    newest = max(folder.glob("*.ttl"), key=lambda f: f.stem.rsplit("_", 1)[-1])
    newest.unlink()
    summary = load_paths([folder], Settings(store=str(store)), prune=True)
    assert summary.removed == [newest.name]
    assert_same(snapshot(store), full_load(sorted(folder.glob("*.ttl")), tmp_path / "full"))


def test_one_changed_report_recomputes_only_what_it_touches(converted: list[Path], tmp_path: Path):
    store = tmp_path / "store"
    load_paths(converted, Settings(store=str(store)))
    changed = tmp_path / converted[12].name
    _edit_agreement_text(converted[12], changed)
    summary: LoadSummary = load_paths([changed], Settings(store=str(store)))
    assert summary.replaced == [changed.name] and summary.changes is not None

    with LocalStore(store, read_only=True) as s:
        items = tracked_items(s)
        entries = cached_commitments(s)
        mentioned = {i for i in items if i in summary.changes[0].iris()}
        assert s.index.get(ARCHIVE, COMMITMENTS) is not None
        assert items and all(s.index.get(i, TIMELINE) is not None for i in items)
    assert entries and mentioned
    # the timelines of the items the report mentions were updated, none was computed whole
    assert summary.derived["timelines computed"] == 0
    assert summary.derived["timelines updated"] == len(mentioned) < len(items)
    # the commitments of that meeting and those its agreements give evidence about, not all of them
    assert 0 < summary.derived["commitments computed"] < len(entries) / 2
    meeting = summary.changes[0].meeting
    assert summary.derived["commitments computed"] >= sum(e.row.meeting == meeting for e in entries) > 0


def test_load_prune_removes_the_reports_whose_file_is_gone(runner, converted: list[Path], tmp_path: Path):
    from rcmkg.cli import cli

    folder, store = tmp_path / "files", tmp_path / "store"
    folder.mkdir()
    for f in converted[:3]:
        shutil.copy(f, folder / f.name)
    first = runner.invoke(cli, ["load", str(folder), "--store", str(store)])
    assert first.exit_code == 0, first.stderr
    (folder / converted[1].name).unlink()
    kept = runner.invoke(cli, ["load", str(folder), "--store", str(store)])  # without --prune: kept
    assert "0 loaded, 0 replaced, 2 unchanged" in kept.stderr and "removed" not in kept.stderr
    pruned = runner.invoke(cli, ["load", str(folder), "--store", str(store), "--prune"])
    assert pruned.exit_code == 0 and "2 unchanged, 1 removed" in pruned.stderr, pruned.stderr
    with LocalStore(store, read_only=True) as s:
        assert sorted(name for _sha, name in s.report_graphs().values()) == sorted(f.name for f in converted[:3:2])


def answers(folder: Path, tmp: Path) -> dict[str, object]:
    """What readers get from a store: every tracked item's trace, the commitments, the published
    entry, search results (hits, totals and facets; hits with equal scores in IRI order, as the
    index numbers documents in load order) and the dumps' bytes."""
    from rcmkg.index.published import cached_published
    from rcmkg.publish.dumps import write_dumps
    from rcmkg.search.query import search_index
    from rcmkg.trace.lookup import commitments, trace

    out: dict[str, object] = {}
    with LocalStore(folder, read_only=True) as s:
        items = tracked_items(s)
        assert items
        out["trace"] = {iri: [repr(r) for r in trace(s, t).rows]
                        for iri, t in sorted(items.items())}
        out["commitments"] = [repr(r) for r in commitments(s, as_of="2060-01-01")]
        published = cached_published(s)
        assert published is not None and published.meetings and published.stats.total > 0
        out["published"] = published
        index = search_index(s)
        for q in ("migration", "thank", "smuggling women", "Guatemala", "trafficking"):
            res = index.search(q, limit=200)
            out[f"search {q}"] = (res.total, sorted((round(h.score, 9), h.iri, h.kind, h.title, repr(h.snippet), h.date, h.meeting) for h in res.hits),
                                  {f: sorted(repr(v) for v in vs) for f, vs in res.facets.items()})
        assert any(out[f"search {q}"][0] for q in ("migration", "thank"))  # type: ignore[index]
        dumps = tmp / f"dumps-{folder.name}"
        shutil.rmtree(dumps, ignore_errors=True)
        write_dumps(s.ox, dumps, s.base)
        files = sorted(dumps.iterdir())
        assert files
        out["dumps"] = {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    return out


def assert_same_answers(got: dict[str, object], want: dict[str, object]) -> None:
    assert got.keys() == want.keys()
    for key in want:
        assert got[key] == want[key], key


def test_reloads_answer_what_a_full_load_answers(converted: list[Path], tmp_path: Path):
    """After a changed, an added and a removed report, every reader's answer (traces, commitments,
    the published statistics and home page, search, the dumps' bytes) is what a full load of the
    same files gives, and the incremental path was taken (nothing recounted over the archive)."""
    store, folder, full = tmp_path / "store", tmp_path / "files", tmp_path / "full"
    folder.mkdir()
    for f in converted[:-1]:
        shutil.copy(f, folder / f.name)
    load_paths([folder], Settings(store=str(store)))
    steps = [
        ("changed", lambda: _edit_agreement_text(converted[5], folder / converted[5].name)),
        ("added", lambda: shutil.copy(converted[-1], folder / converted[-1].name)),
        ("removed", lambda: (folder / converted[9].name).unlink()),
    ]
    for what, step in steps:
        step()
        summary = load_paths([folder], Settings(store=str(store)), prune=True)
        assert summary.changes is not None and len(summary.changes) == 1, what
        assert summary.derived.get("published updated") == 1, what
        shutil.rmtree(full, ignore_errors=True)
        load_paths([folder], Settings(store=str(full)))
        assert_same_answers(answers(store, tmp_path), answers(full, tmp_path))


def test_unchanged_files_are_not_read_again(converted: list[Path], tmp_path: Path):
    """The manifest of loaded files: a file whose size and mtime are as loaded is not read, a touched
    file with the same content is read, hashed and found unchanged, a changed one replaces its
    report, and a store without the manifest (an older rcmkg's) loads as before."""
    from rcmkg.store.local import MANIFEST

    store, folder = tmp_path / "store", tmp_path / "files"
    folder.mkdir()
    for f in converted[:6]:
        shutil.copy(f, folder / f.name)
    load_paths([folder], Settings(store=str(store)))
    current = next(p for p in store.glob("gen-*") if (p / MANIFEST).is_file())
    assert len(json_load(current / MANIFEST)["files"]) == 6 and json_load(current / MANIFEST)["trusted"]

    # other bytes of the same size, the mtime put back: the load trusts size and mtime and does not
    # read the file (the documented blind spot); touched, it is read and its report replaced
    import os

    victim = folder / converted[2].name
    st = victim.stat()
    data = victim.read_bytes()
    at = data.index(b'rcm:text "') + len(b'rcm:text "')
    victim.write_bytes(data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1:])  # one letter's case
    os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))
    summary = load_paths([folder], Settings(store=str(store)))
    assert not summary.errors and len(summary.unchanged) == 6 and not summary.changed
    os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    summary = load_paths([folder], Settings(store=str(store)))
    assert summary.replaced == [victim.name]

    # touched again (new mtime), same bytes: read, hashed and found unchanged
    st = victim.stat()
    os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    summary = load_paths([folder], Settings(store=str(store)))
    assert len(summary.unchanged) == 6 and not summary.changed

    # changed bytes: replaced
    _edit_agreement_text(victim, victim)
    summary = load_paths([folder], Settings(store=str(store)))
    assert summary.replaced == [victim.name]

    # the manifest gone (a store loaded by an older rcmkg): every file read, none reloaded
    for gen in store.glob("gen-*"):
        (gen / MANIFEST).unlink(missing_ok=True)
    summary = load_paths([folder], Settings(store=str(store)))
    assert len(summary.unchanged) == 6 and not summary.changed
    current = next(p for p in sorted(store.glob("gen-*")) if (p / MANIFEST).is_file())
    assert len(json_load(current / MANIFEST)["files"]) == 6

    # a report's graph dropped outside a load: the list is no longer trusted, and the next load
    # looks each graph up, finds that one gone and loads its file again
    from rcmkg.store.generations import current as current_generation

    with LocalStore(store) as s:
        graph = next(g for g in s.report_graphs())
        s.drop_graph(graph)
    assert json_load(current_generation(store) / MANIFEST)["trusted"] is False
    summary = load_paths([folder], Settings(store=str(store)))
    assert len(summary.replaced) + len(summary.loaded) == 1 and len(summary.unchanged) == 5
    assert json_load(current_generation(store) / MANIFEST)["trusted"] is True


def json_load(path: Path) -> dict:
    import json

    return json.loads(path.read_text(encoding="utf-8"))


def test_first_load_infers_what_the_sparql_rules_infer(converted: list[Path], tmp_path: Path):
    """A first load gathers the entailments from the triples as it parses them (no scan of the
    store); they are the triples the SPARQL rules give (what a memory store, or a reload, runs)."""
    load_paths(converted, Settings(store=str(tmp_path / "store")))

    def inferred(store: LocalStore) -> tuple[list[str], int]:
        g = ox.NamedNode(store.names.inferred)
        quads = list(store.ox.quads_for_pattern(None, None, None, g))
        plain = sorted(f"{q.subject} {q.predicate} {q.object}" for q in quads
                       if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode))
        return plain, len(quads)

    with LocalStore(tmp_path / "store", read_only=True) as disk:
        got = inferred(disk)
    with LocalStore(None) as memory:  # the SPARQL rules
        memory.load(converted)
        want = inferred(memory)
    assert got[1] > 1000 and len(got[0]) > 1000
    assert got == want


def test_a_report_corrected_outside_its_commitments_keeps_their_evidence(converted: list[Path], tmp_path: Path):
    """A changed report whose commitments read as before: their evidence from other meetings is
    kept, not looked for again (at 10,000 reports that is every later agreement on their items),
    and the index is still the one a full load writes."""
    store, folder = tmp_path / "store", tmp_path / "files"
    folder.mkdir()
    for f in converted:
        shutil.copy(f, folder / f.name)
    load_paths([folder], Settings(store=str(store)))
    with LocalStore(store, read_only=True) as s:
        entries = cached_commitments(s)
    assert entries
    # a meeting whose commitments later meetings give evidence about
    meeting = next(e.row.meeting for e in entries if e.evidence)
    target = _file_of(meeting, converted)
    text = (folder / target.name).read_text(encoding="utf-8")
    fixed, n = re.subn(r'(dct:title ")', r"\1CORRECTED ", text, count=1)
    assert n == 1
    (folder / target.name).write_text(fixed, encoding="utf-8")
    summary = load_paths([folder], Settings(store=str(store)))
    assert summary.replaced == [target.name] and summary.changes is not None
    assert summary.derived["commitments with all their evidence"] == 0
    assert summary.derived["commitments computed"] >= sum(e.row.meeting == meeting for e in entries) > 0
    assert_same(snapshot(store), full_load(sorted(folder.glob("*.ttl")), tmp_path / "full"))
    # and one whose commitment changed (its action): computed whole, the same as a full load
    made = re.search(r'rcm:action "([^"]+)"', fixed)
    assert made is not None
    (folder / target.name).write_text(fixed.replace(made.group(0), f'rcm:action "send {made.group(1)}"', 1), encoding="utf-8")
    summary = load_paths([folder], Settings(store=str(store)))
    assert summary.changes is not None and summary.derived["commitments with all their evidence"] >= 1
    assert_same(snapshot(store), full_load(sorted(folder.glob("*.ttl")), tmp_path / "full"))
    # one item's listing reads its meetings' shards only, and gives the rows computed from the graph
    from rcmkg.trace.lookup import commitments

    with LocalStore(store, read_only=True) as s:
        items = sorted({i for e in entries for i in e.items} & set(tracked_items(s)))
        assert len(items) >= 3
        for item in items:
            slug = item.rstrip("/").rsplit("/", 1)[-1]
            got = [r.to_dict() for r in commitments(s, item=slug, as_of="2100-01-01")]
            assert got == [r.to_dict() for r in commitments(s, item=slug, as_of="2100-01-01", index=False)], slug
