"""Adversarial report texts: the inputs that make a backtracking regular expression take super-linear time.

    python -m bench.adversarial --out DIR            # writes one .txt per input into DIR

Each input is a real report (a sample, given as its text) with one pathological run put where the
converter's patterns look: in the header (title, place and date lines), in an item, or as the whole
layout (no newline at all, 100,000 numbered lines). ``tests/test_adversarial.py`` converts each one
through the real converter and asserts it answers; ``bench/bench_adversarial.py`` times them against
the samples and the synthetic reports.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

RUN = 10_000  # characters in each pathological run
MB = 1_000_000

_ITEM = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+", re.M)


def _in_header(text: str, run: str) -> str:
    """``run`` appended to the report's first non-empty line (its title)."""
    lines = text.split("\n")
    k = next(i for i, line in enumerate(lines) if line.strip())
    lines[k] = lines[k].rstrip() + " " + run
    return "\n".join(lines)


def _in_place_line(text: str, run: str) -> str:
    """``run`` at the head of a place line of its own ("<run>; Panama City, Panama") under the title.

    That is where a "City, Country" pattern scans backwards from a country name; the semicolon makes
    every way of cutting the run into capitalised words fail, so a backtracking pattern tries them all."""
    lines = text.split("\n")
    k = next(i for i, line in enumerate(lines) if line.strip())
    lines.insert(k + 1, "")
    lines.insert(k + 2, run + "; Panama City, Panama")
    return "\n".join(lines)


def _in_item(text: str, run: str) -> str:
    """``run`` put inside the first numbered item, after its first word."""
    m = _ITEM.search(text)
    if m is None:
        raise ValueError("the base report has no numbered item")
    end = text.find(" ", m.end())
    return text[:end] + " " + run + text[end:]


def _repeat(unit: str, n: int = RUN) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _capitals(n: int = RUN) -> str:
    return _repeat("ABCDEFGHIJKLMNOPQRSTUVWXYZ", n)


def _capital_words(n: int = RUN) -> str:
    return _repeat("MIGRATION AND DEVELOPMENT OF THE REGIONAL NETWORK ", n).strip()


def _no_newline(text: str) -> str:
    """The report with every line break made a space, repeated to one megabyte: a single line."""
    flat = " ".join(text.split("\n"))
    return _repeat(flat + " ", MB)


def _numbered_lines(text: str, n: int = 100_000) -> str:
    """The report's header, then ``n`` short numbered items (one line each)."""
    m = _ITEM.search(text)
    head = text[: m.start()] if m else text
    return head + "".join(f"{i}. To thank Mexico.\n" for i in range(1, n + 1))


def _table_rows(text: str, n: int = 999) -> str:
    """The report's header, then a table of ``n`` numbered rows under its heading row (each row's columns were
    once found by walking up over every row above it: 2x the time a character at 4x the rows)."""
    m = _ITEM.search(text)
    head = text[: m.start()] if m else text
    return (head + "Agreements\n\nNo. | Agreement | Responsible | Deadline\n\n"
            + "".join(f"{i} | To thank Mexico for its support. | TS | 30 June 2016\n\n" for i in range(1, n + 1)))


def _nested(n: int = RUN // 2) -> str:
    return "(" * n + "[" * 10 + "]" * 10 + ")" * n


# name -> how to make it from a report's text
INPUTS: dict[str, Callable[[str], str]] = {
    "capitals-header": lambda t: _in_header(t, _capitals()),
    "capitals-place": lambda t: _in_place_line(t, _capitals()),
    "capital-words-header": lambda t: _in_header(t, _capital_words()),
    "capital-words-place": lambda t: _in_place_line(t, _capital_words()),
    "capitals-item": lambda t: _in_item(t, _capitals()),
    "capital-words-item": lambda t: _in_item(t, _capital_words()),
    "no-newline-1mb": _no_newline,
    "numbered-lines-100k": _numbered_lines,
    "table-rows-999": _table_rows,
    "nested-brackets": lambda t: _in_item(t, _nested()),
    "digits": lambda t: _in_item(t, _repeat("1")),
    "dates": lambda t: _in_item(t, _repeat("12 de mayo de 2010, 13 May 2011, ")),
    # half a megabyte of dates in the title (each was once checked against every date kept before it),
    # and the same as a scan's OCR writes them ("1O y ll de diciembre de l998")
    "dates-header": lambda t: _in_header(t, _repeat("10 y 11 de diciembre de 1998, ", MB // 2)),
    "ocr-dates-header": lambda t: _in_header(t, _repeat("1O y ll de diciembre de l998, ", MB // 2)),
    "dots": lambda t: _in_item(t, _repeat(".")),
    "commas": lambda t: _in_item(t, _repeat(",")),
    "spaces": lambda t: _in_item(t, _repeat(" ") + "x"),
    "de-la": lambda t: _in_item(t, _repeat("de la ")),
    "de-la-header": lambda t: _in_header(t, _repeat("De La ")),
}


def make(name: str, base: str) -> str:
    """The adversarial input ``name`` built from the report text ``base``."""
    return INPUTS[name](base)


def write_inputs(base: str, folder: Path, names: list[str] | None = None) -> list[Path]:
    """Write ``{name}.txt`` for each input (all by default) into ``folder``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name in names or list(INPUTS):
        p = folder / f"{name}.txt"
        p.write_text(make(name, base), encoding="utf-8")
        out.append(p)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.adversarial", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for the .txt files (created)")
    ap.add_argument("--base", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "reports"
                    / "002_dcc41190f93bc62f.txt", help="the report they are built from")
    args = ap.parse_args(argv)
    paths = write_inputs(args.base.read_text(encoding="utf-8"), args.out)
    print(f"wrote {len(paths)} adversarial reports to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
