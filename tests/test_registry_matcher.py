"""The registry's Aho-Corasick matcher finds what the regular expression it replaced found.

The specification of label matching is one expression per kind set,
``(?<!\\w)(label|label|...)(?!\\w)`` with the labels longest first and ``\\s+`` between a label's
words, run with ``re.finditer`` over the folded slice (acronyms: over the slice as it is), the
overlaps then settled longest first. ``reference_find`` is that, written plainly; the tests compare
it with :meth:`Registry.find` and :meth:`Registry.find_all` on the sample reports and on random
texts made of the registry's own labels in awkward surroundings.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from rcmkg.converters.extract import FIND_KINDS
from rcmkg.registry import _SPACES, KINDS, Entry, Match, Registry, _is_acronym, fold
from rcmkg.resources import resource_files
from rcmkg.settings import DEFAULT_BASE

ROOT = Path(__file__).resolve().parents[1]
ALL = frozenset(KINDS.values())
KIND_SETS = sorted({ALL if k is None else frozenset(k) for k in FIND_KINDS}, key=sorted)


def fresh_registry() -> Registry:
    return Registry._parse(DEFAULT_BASE, tuple(resource_files("registry")))


def _flat(labels: list[str]) -> re.Pattern[str]:
    body = "|".join(r"\s+".join(re.escape(w) for w in label.split()) for label in sorted(labels, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<!\w)({body})(?!\w)")


class Reference:
    """The matcher as it was specified: a regular expression per kind set."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.cache: dict[frozenset[str], tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, list[Entry]]]] = {}

    def compiled(self, kset: frozenset[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, list[Entry]]]:
        if kset not in self.cache:
            folded: dict[str, list[Entry]] = {}
            exact: dict[str, list[Entry]] = {}
            for e in sorted(self.registry.entries.values(), key=lambda e: e.iri):
                if e.kind not in kset:
                    continue
                for label in e.labels:
                    label = " ".join(label.split())
                    if label and _is_acronym(label):
                        exact.setdefault(label, []).append(e)
                    elif label:
                        folded.setdefault(fold(label), []).append(e)
            table = {**folded, **{"\0" + k: v for k, v in exact.items()}}
            self.cache[kset] = (_flat(list(folded)) if folded else None, _flat(list(exact)) if exact else None, table)
        return self.cache[kset]

    def find(self, text: str, kset: frozenset[str], start: int = 0, end: int | None = None) -> list[Match]:
        end = len(text) if end is None else end
        pat_f, pat_x, table = self.compiled(kset)
        segment = text[start:end]
        cands = []
        if pat_f is not None:
            for m in pat_f.finditer(fold(text)[start:end]):
                cands.append((m.start(1), m.end(1), table.get(" ".join(m.group(1).split()), [])))
        if pat_x is not None:
            for m in pat_x.finditer(segment):
                cands.append((m.start(1), m.end(1), table.get("\0" + m.group(1), [])))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        out = []
        for s, e, entries in cands:
            if not entries or any(ts < e and s < te for ts, te in taken):
                continue
            taken.append((s, e))
            out.append(Match(start + s, start + e, entries[0], segment[s:e]))
        return sorted(out, key=lambda m: (m.start, m.end))

    def find_all(self, text: str, kset: frozenset[str], start: int = 0, end: int | None = None) -> list[Match]:
        end = len(text) if end is None else end
        _pat_f, pat_x, table = self.compiled(kset)
        out = {(m.start, m.end, m.entry.iri): m for m in self.find(text, kset, start, end)}
        if pat_x is not None:
            for m in pat_x.finditer(text[start:end]):
                entry = table["\0" + m.group(1)][0]
                key = (start + m.start(1), start + m.end(1), entry.iri)
                out.setdefault(key, Match(key[0], key[1], entry, m.group(1)))
        return sorted(out.values(), key=lambda m: (m.start, m.end, m.entry.iri))


@pytest.fixture(scope="module")
def pair() -> tuple[Registry, Reference]:
    registry = fresh_registry()
    return registry, Reference(registry)


def test_the_white_space_list_is_every_white_space_character():
    # what str.split() splits on and what re's \s matches, one and the same set
    every = {c for c in range(0x110000) if chr(c).isspace()}
    assert set(_SPACES) | {0x20} == every
    assert every == {c for c in range(0x110000) if re.fullmatch(r"\s", chr(c))}


def _variant(label: str, rng: random.Random) -> str:
    """The label as a report might write it: other case, accents, white space between its words."""
    words = label.split()
    out = []
    for w in words:
        r = rng.random()
        w = w.upper() if r < 0.2 else w.lower() if r < 0.4 else w.capitalize() if r < 0.5 else w
        if rng.random() < 0.2:
            w = w.replace("a", "á").replace("e", "é").replace("o", "ó")
        out.append(w)
    seps = [" ", " ", " ", "  ", "\n", " \n ", "\t", "\xa0", "\u2003", "\r\n"]
    return "".join(w + (rng.choice(seps) if i < len(out) - 1 else "") for i, w in enumerate(out))


def random_text(labels: list[str], rng: random.Random, pieces: int = 60) -> str:
    glue = [" ", "  ", ", ", ". ", "\n", " (", ") ", "-", "/", "_", "x", "2", "é", "", "'s ", " and ", " y la "]
    words = ["the", "de", "la", "meeting", "Reunión", "plan", "red", "of", "nacional", "regional", "OIM2", "tsx"]
    out = []
    for _ in range(pieces):
        r = rng.random()
        if r < 0.55:
            label = rng.choice(labels)
            out.append(_variant(label, rng))
        elif r < 0.7:
            # the first words of a label: a longer label's prefix must not shadow a shorter one
            label = rng.choice(labels).split()
            out.append(" ".join(label[: rng.randint(1, len(label))]))
        else:
            out.append(rng.choice(words))
        out.append(rng.choice(glue))
    return "".join(out)


def _labels(registry: Registry) -> list[str]:
    return sorted({" ".join(label.split()) for e in registry.entries.values() for label in e.labels if label.strip()})


def test_random_texts_and_slices_match_as_the_expression_does(pair):
    registry, ref = pair
    labels = _labels(registry)
    assert len(labels) > 100
    rng = random.Random(20261205)
    kind_sets = [*KIND_SETS, frozenset({"org"}), frozenset({"country", "org"}), frozenset({"doc", "track"})]
    compared = found = 0
    for _ in range(150):
        text = random_text(labels, rng)
        n = len(text)
        for _ in range(6):
            a = rng.randrange(n)
            b = rng.randrange(a, n + 1)
            for start, end in [(0, None), (a, b), (a, None)]:
                kset = rng.choice(kind_sets)
                want = ref.find(text, kset, start, end)
                assert registry._find(text, kset, start, n if end is None else end) == want, (text, kset, start, end)
                assert registry.find_all(text, kset, start, end) == ref.find_all(text, kset, start, end)
                compared += 1
                found += len(want)
    assert compared == 150 * 18 and found > 5000  # the texts did name things


def test_sample_reports_match_as_the_expression_does(pair):
    from builders import REPORTS

    registry, ref = pair
    texts = sorted(REPORTS.glob("*.txt")) + sorted((ROOT / "tests" / "genres").glob("*.txt"))
    assert texts
    for path in texts:
        text = path.read_text(encoding="utf-8")
        lines = [m.start() for m in re.finditer("\n", text)]
        for kset in KIND_SETS:
            assert registry.find(text, kset) == ref.find(text, kset), (path.name, sorted(kset))
            for s, e in zip(lines[::7], lines[3::7], strict=False):
                assert registry._find(text, kset, s, e) == ref.find(text, kset, s, e)


def test_a_label_across_lines_and_odd_spaces_is_found_whole(pair):
    registry, _ref = pair
    text = "Se agradece a la Secretaría\n   Técnica\xa0de la CRM y a la OIM."
    found = [(m.surface, m.entry.slug) for m in registry.find(text, {"org"})]
    assert ("Secretaría\n   Técnica\xa0de la CRM", "rcm-ts") in found
    assert ("OIM", "iom") in found
    # word boundaries: inside a longer word, or next to a digit or an underscore, it is no mention
    assert registry.find("OIMX, xOIM, OIM2, _OIM", {"org"}) == []


def test_position_maps_back_through_many_runs(pair):
    registry, ref = pair
    text = ("  ".join(["OIM"] * 5) + "\n\n\nSecretaría    Técnica\n\n" + "\t\t".join(["ACNUR"] * 4)) * 3
    got = registry.find(text, {"org"})
    assert got == ref.find(text, frozenset({"org"}))
    assert [m.surface for m in got][:6] == ["OIM"] * 5 + ["Secretaría    Técnica"]
    assert all(text[m.start:m.end] == m.surface for m in got)
    starts = [m.start for m in got]
    assert starts == sorted(starts)
