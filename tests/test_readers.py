"""The READ stage: each reader on each sample report, encodings, Word numbering, PDF layout, bad input.

The .docx and .pdf files are built at test time from the sample .txt files (tests/builders.py), so
the expected text is known: the .txt's own paragraphs.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from builders import (
    COMMENT_TEXT,
    DELETED_TEXT,
    FIELD_INSTRUCTION,
    FOOTER_TEXT,
    HEADER_TEXT,
    PDF_HEADER,
    REPORTS,
    S002,
    SAMPLES,
    build_corrupt_docx,
    build_encrypted_pdf,
    build_features_docx,
    build_numbered_docx,
    build_scanned_pdf,
    build_truncated_docx,
    build_zip_bomb_docx,
    report_paragraphs,
    split_marker,
)

from rcmkg.converters import read as read_module
from rcmkg.converters.pdf import PAGE_NUMBER, Line, drop_running_lines, join_lines
from rcmkg.converters.read import READERS, read
from rcmkg.converters.word import format_number
from rcmkg.errors import InputError, UsageError

BADINPUT = Path(__file__).parent / "badinput"


def norm(s: str) -> str:
    return " ".join(s.split())


def paras(text: str) -> list[str]:
    return [norm(p) for p in text.split("\n\n") if p.strip()]


def problem(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read(path)
    assert info.value.path == path
    assert "\n" not in info.value.problem
    return info.value.problem


@pytest.fixture(scope="module")
def built(sample_formats) -> dict[str, dict[str, Path]]:
    """Every sample as .docx and .pdf (the session's ``sample_formats``), by stem."""
    return {stem: {fmt: sample_formats[fmt] / f"{stem}.{fmt}" for fmt in ("docx", "pdf")} for stem in SAMPLES}


# ---- the registry ----------------------------------------------------------------------------------


def test_registry_knows_the_three_formats():
    assert {".txt", ".text", ".docx", ".pdf"} <= set(READERS)


def test_unsupported_suffix(tmp_path):
    assert problem(BADINPUT / "unsupported.doc") == "unsupported file type '.doc' (expected .txt, .docx or .pdf)"
    bare = tmp_path / "README"
    bare.write_text("x")
    assert problem(bare) == "unsupported file type (no suffix) (expected .txt, .docx or .pdf)"


REGISTER_MD = """
import json, sys
from pathlib import Path
from rcmkg.converters.read import read, register, supported
seen = []
register(".MD", lambda p: seen.append(p.name) or read(p.with_suffix(".txt")))
folder = Path(sys.argv[1])
print(json.dumps({"md": read(folder / "r.md").text, "seen": seen,
                  "upper": read(folder / "UPPER.TXT").text, "supported": supported()}))
"""


def test_register_a_reader_and_suffix_case(tmp_path):
    # In a fresh interpreter: a registered reader stays registered, and the public API has no undo.
    (tmp_path / "r.txt").write_text("Report text")
    (tmp_path / "r.md").write_text("ignored")
    (tmp_path / "UPPER.TXT").write_text("Upper-case suffix")
    proc = subprocess.run([sys.executable, "-c", REGISTER_MD, str(tmp_path)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"md": "Report text", "seen": ["r.md"], "upper": "Upper-case suffix",
                                       "supported": ".txt, .docx, .pdf or .md"}


# ---- .txt ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", SAMPLES)
def test_txt_samples_are_read_exactly(stem):
    path = REPORTS / f"{stem}.txt"
    data = path.read_bytes()
    src = read(path)
    assert src.text == data.decode("utf-8")
    assert src.encoding == "utf-8"
    assert src.file.name == path.name and src.file.path == str(path)
    assert src.file.media_type == "text/plain"
    assert src.file.size == len(data)
    assert src.file.sha256 == hashlib.sha256(data).hexdigest()
    assert src.sha256 == hashlib.sha256(src.text.encode("utf-8")).hexdigest()
    assert src.labels == {} and src.notes == ()


def test_002_keeps_its_artefacts():
    src = read(REPORTS / f"{S002}.txt")
    assert src.text.startswith("  REPORT FROM THE MEETING")
    assert "[bookmark: _GoBack]The Liaison Officer Network" in src.text


TEXT = "\u201cTo thank Costa Rica\u201d for the workshop in San Jos\u00e9 \u2013 Member Countries\u2019 interest.\n"


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8", TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig", TEXT),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le", TEXT),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be", TEXT),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf-32-le", TEXT),
        (TEXT.encode("cp1252"), "windows-1252", TEXT),
        (b"1. First\r\n2. Second\r\n", "utf-8", "1. First\r\n2. Second\r\n"),
        (b"1. First\r2. Second\r", "utf-8", "1. First\r2. Second\r"),
        ("Report \u00e9\r\n".encode("utf-16-le"), "utf-16-le", "Report \u00e9\r\n"),  # no BOM
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "cp1252", "crlf", "cr", "utf16le-nobom"],
)
def test_txt_encodings(tmp_path, data, encoding, expected):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    src = read(path)
    assert src.text == expected  # line endings kept, BOM dropped
    assert src.encoding == encoding
    assert src.file.size == len(data)
    assert src.sha256 == hashlib.sha256(expected.encode("utf-8")).hexdigest()
    assert ("Windows-1252" in " ".join(src.warnings)) == (encoding == "windows-1252")


def test_cp1252_fixture_and_offsets():
    src = read(BADINPUT / "cp1252_smart_quotes.txt")
    assert src.encoding == "windows-1252"
    i = src.text.index("San Jos\u00e9")
    assert src.text[i : i + 8] == "San Jos\u00e9" and src.text.endswith("interest.\r\n")


# ---- .docx -----------------------------------------------------------------------------------------


def expected_docx_paragraphs(stem: str, labels: list[str]) -> list[str]:
    """The .txt's paragraphs with each printed marker replaced by the label Word shows."""
    out, it = [], iter(labels)
    for para in report_paragraphs(REPORTS / f"{stem}.txt"):
        m = split_marker(para)
        out.append(norm(f"{next(it)} {m.text}") if m.kind != "plain" else para)
    return out


@pytest.mark.parametrize("stem", SAMPLES)
def test_docx_samples(built, stem):
    src = read(built[stem]["docx"])
    assert src.file.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert src.file.sha256 == hashlib.sha256(built[stem]["docx"].read_bytes()).hexdigest()
    labels = [src.labels[k] for k in sorted(src.labels)]
    assert src.labels, stem  # every sample has numbered items
    for start, label in src.labels.items():  # each label opens a paragraph
        assert src.text[start : start + len(label) + 1] == label + " "
        assert start == 0 or src.text[start - 2 : start] == "\n\n"
    assert paras(src.text) == expected_docx_paragraphs(stem, labels)
    if stem != S002:  # Word shows what the .txt printed ("- a." is Word's "a.")
        printed = [split_marker(p).marker.removeprefix("- ") for p in report_paragraphs(REPORTS / f"{stem}.txt")]
        assert labels == [m for m in printed if m]


def test_docx_002_has_the_real_numbering(built):
    src = read(built[S002]["docx"])
    labels = [src.labels[k] for k in sorted(src.labels)]
    assert labels == ["1.", "2.", "3.", "a.", "b.", "c.", "d.", "4.", "5.", "a.", "6.", "7.", "a.", "b."]
    assert "\n\n3. To thank Costa Rica for the update" in src.text
    assert "\n\na. To thank Mexico for the input for the Work Plan." in src.text
    assert "\n\n5. To thank the Regional Coalition" in src.text


def test_docx_leaves_out_what_word_does_not_show_as_body(built):
    assert SAMPLES
    for stem in SAMPLES:
        text = read(built[stem]["docx"]).text
        for absent in (HEADER_TEXT, FOOTER_TEXT, COMMENT_TEXT, DELETED_TEXT.strip(), FIELD_INSTRUCTION.strip(), "PAGE", "[bookmark"):
            assert absent not in text, (stem, absent)
    text = read(built[S002]["docx"]).text
    # The inserted tracked change and the date field's result are shown, so they are kept.
    assert "1. To thank the delegations of Canada, Costa Rica, Dominican Republic" in text
    assert "\n\n19 July 2018\n\n" in text


def test_docx_footnotes_tables_styles_hidden_text_boxes(tmp_path):
    src = read(build_features_docx(tmp_path / "features.docx"))
    ps = src.text.split("\n\n")
    assert ps[:5] == [
        "Title of the feature document",
        "The Network met in Panama City[1]",
        "A second paragraph with its own note[2]",
        "Date/Place | First quarter of 2018, Costa Rica.",
        "Participants | Prosecutors; Immigration Directors",
    ]
    assert ps[5:8] == ["1. First by style", "2. Second by style", "\u2022 A bullet by style"]  # style-based numbering
    assert "Visible text" in ps and "HIDDEN" not in src.text
    assert ps[ps.index("Anchor of a text box") + 1] == "TEXT BOX CONTENT"
    assert ps[-3:] == ["Notes", "[1] Source: IOM, 2018.", "[2] Second note."]
    assert [(label, src.quote(span)) for label, span in src.notes] == [("1", "Source: IOM, 2018."), ("2", "Second note.")]
    assert {src.text[k : k + 2] for k in src.labels} == {"1.", "2.", "\u2022 "}


def labels_of(path: Path) -> list[str]:
    return [p.split(" ", 1)[0] for p in read(path).text.split("\n\n")]


def test_numbering_restarts_and_overrides(tmp_path):
    # Level 1 restarts when level 0 advances; numId 91 restarts level 0 (startOverride), and a
    # list instance sharing the abstract definition continues its counters.
    path = build_numbered_docx(
        tmp_path / "n.docx",
        [(90, 0, "x"), (90, 1, "x"), (90, 1, "x"), (90, 0, "x"), (90, 1, "x"), (91, 0, "x"), (90, 0, "x"), (92, 0, "x")],
        nums={91: {0: 1}, 92: {0: 7}},
    )
    assert labels_of(path) == ["1.", "a.", "b.", "2.", "a.", "1.", "2.", "7."]


def test_numbering_multilevel_text_and_formats(tmp_path):
    levels = [("upperRoman", "%1."), ("decimal", "%1.%2."), ("lowerLetter", "%3)")]
    path = build_numbered_docx(
        tmp_path / "n.docx",
        [(90, 0, "x"), (90, 1, "x"), (90, 1, "x"), (90, 2, "x"), (90, 0, "x"), (90, 1, "x"), (90, 2, "x"), (None, 0, "plain")],
        levels=levels,
    )
    assert labels_of(path) == ["I.", "I.1.", "I.2.", "a)", "II.", "II.1.", "a)", "plain"]


def test_numbering_lvlrestart_zero_never_restarts(tmp_path):
    path = build_numbered_docx(
        tmp_path / "n.docx", [(90, 0, "x"), (90, 1, "x"), (90, 0, "x"), (90, 1, "x")], level_extra='<w:lvlRestart w:val="0"/>'
    )
    assert labels_of(path) == ["1.", "a.", "2.", "b."]


def test_format_number():
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14, 40)] == ["IV", "IX", "XIV", "XL"]
    assert format_number(3, "bullet") == "\u2022" and format_number(3, "decimalZero") == "03"


# ---- .pdf ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", SAMPLES)
def test_pdf_samples_give_the_txt_paragraphs(built, stem):
    src = read(built[stem]["pdf"])
    assert src.file.media_type == "application/pdf"
    got = paras(src.text)
    expected = report_paragraphs(REPORTS / f"{stem}.txt")
    items = [p for p in expected if split_marker(p).kind != "plain"]
    assert items and [p for p in got if p in items] == items  # every item paragraph, whole and in order
    assert got == expected
    assert PDF_HEADER not in src.text
    assert not any(PAGE_NUMBER.match(p) for p in got)


def test_pdf_repairs_hyphenation(built):
    # The builder hyphenates long words at line ends ("presen-" / "tation"); none may survive.
    text = read(built["004_3a97dbaab52264ea"]["pdf"]).text
    assert "comparative matrixes on legislation relating to migrant smuggling" in norm(text)
    words = text.split()
    assert len(words) > 100, words
    assert not any(w.endswith("-") and w[:-1].isalpha() and w[:-1].islower() and w[:-1] != "inter" for w in words)


def test_join_lines():
    assert join_lines("for the presen-", "tation of") == "for the presentation of"
    assert join_lines("a plan for inter-", "institutional teams") == "a plan for inter-institutional teams"
    assert join_lines("a face-", "to-face workshop") == "a face-to-face workshop"
    assert join_lines("Costa-", "Rica") == "Costa-Rica"
    assert join_lines("the follow-", "up meeting", {"follow-up"}) == "the follow-up meeting"
    assert join_lines("the follow-", "up meeting") == "the followup meeting"  # the simple rule, no evidence
    assert join_lines("Panama", "City") == "Panama City"
    assert join_lines("see item -", "a. below") == "see item - a. below"


def _line(text: str, page: int, top: float) -> Line:
    return Line(text, page, 50.0, 300.0, top, top + 10, 10.0, 20.0)


def test_running_lines_and_page_numbers():
    sizes = [(420.0, 595.0)] * 3
    lines = []
    for page in (1, 2, 3):
        lines += [
            _line("Draft report of the Network", page, 20),  # running header
            _line(f"Body text on page {page}", page, 100),
            _line("Body text that repeats", page, 200),  # mid-page: kept
            _line(f"- {page} -" if page < 3 else f"Page {page} of 3", page, 570),
        ]
    kept = [line.text for line in drop_running_lines(lines, sizes)]
    assert kept == ["Body text on page 1", "Body text that repeats", "Body text on page 2", "Body text that repeats",
                    "Body text on page 3", "Body text that repeats"]
    for number in ("3", "- 3 -", "Page 3 of 5", "page 12", "Página 2 de 4", "3/5"):
        assert PAGE_NUMBER.match(number), number
    assert not PAGE_NUMBER.match("2018 agreements")


# ---- bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.txt", "empty file"),
        ("whitespace_only.txt", "no text (whitespace only)"),
        ("binary.txt", "binary file, not text"),
        ("control_chars.txt", "binary file, not text"),
        ("not_a_zip.docx", "not a valid .docx (bad zip: File is not a zip file)"),
        ("legacy_word.docx", "not a valid .docx (an OLE file: a password-protected .docx or a legacy .doc)"),
        ("not_a_pdf.pdf", "not a valid PDF (no %PDF header)"),
    ],
)
def test_committed_bad_inputs(name, expected):
    assert problem(BADINPUT / name) == expected


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_empty_file_in_every_format(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert problem(path) == "empty file"


def test_zip_bombs_are_refused_before_parsing(tmp_path):
    big = build_zip_bomb_docx(tmp_path / "big.docx", megabytes=201)
    assert big.stat().st_size < 2_000_000
    assert problem(big) == "refusing .docx: uncompressed size 201 MB exceeds the limit of 200 MB (zip bomb?)"
    dense = build_zip_bomb_docx(tmp_path / "dense.docx", megabytes=20)
    assert problem(dense).startswith("refusing .docx: word/document.xml inflates ")
    assert problem(dense).endswith("times, over the limit of 100 (zip bomb?)")


def test_damaged_docx(tmp_path):
    txt = REPORTS / f"{S002}.txt"
    assert problem(build_truncated_docx(txt, tmp_path / "cut.docx")) == "not a valid .docx (bad zip: File is not a zip file)"
    assert problem(build_corrupt_docx(txt, tmp_path / "bad.docx")).startswith("not a valid .docx (bad zip: ")
    other = tmp_path / "sheet.docx"  # a zip, but not a Word document
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert problem(other) == "not a valid .docx (no [Content_Types].xml: not an Office document)"


def test_bad_pdfs(tmp_path, built):
    assert problem(build_scanned_pdf(tmp_path / "scan.pdf")) == "no text layer (scanned?)"
    assert problem(build_encrypted_pdf(tmp_path / "locked.pdf")) == "encrypted PDF"
    data = built[S002]["pdf"].read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    assert problem(cut).startswith("not a valid PDF (")


def test_size_limit(tmp_path, monkeypatch, built):
    monkeypatch.setenv("RCMKG_MAX_MB", "0.001")  # 1 kB of text
    assert problem(REPORTS / f"{S002}.txt") == "file too large (0.00331 MB > limit 0.001 MB)"
    monkeypatch.setenv("RCMKG_MAX_MB", "0.002")  # the 5 kB PDF passes (5 x the limit on disk); its 3.4 kB of text do not
    assert built[S002]["pdf"].stat().st_size < 5 * 0.002 * 1024 * 1024
    message = problem(built[S002]["pdf"])
    assert message.startswith("file too large (0.00") and message.endswith(" MB > limit 0.002 MB)")
    monkeypatch.setenv("RCMKG_MAX_MB", "0.5")
    assert read(REPORTS / f"{S002}.txt").text
    monkeypatch.setenv("RCMKG_MAX_MB", "lots")
    with pytest.raises(UsageError, match="RCMKG_MAX_MB"):
        read(REPORTS / f"{S002}.txt")


def test_size_message_names_both_sizes(tmp_path, monkeypatch):
    monkeypatch.setenv("RCMKG_MAX_MB", "2")
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (3 * 1024 * 1024))
    assert problem(path) == "file too large (3 MB > limit 2 MB)"


def test_file_system_problems(tmp_path, monkeypatch):
    assert problem(tmp_path / "missing.txt") == "file not found"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert problem(folder) == "is a directory, not a file"

    path = tmp_path / "report.txt"
    path.write_text("Report")

    real_open = read_module.os.open

    def failing(error: OSError):
        def fake_open(file, *args, **kwargs):
            if Path(file) == path:
                raise error
            return real_open(file, *args, **kwargs)

        return fake_open

    with monkeypatch.context() as m:  # listed and stat-ed, then deleted before it is opened
        m.setattr(read_module.os, "open", failing(FileNotFoundError(2, "No such file or directory", str(path))))
        assert problem(path) == "file disappeared while reading"

    with monkeypatch.context() as m:  # chmod 000 does not stop root, so the error is simulated
        m.setattr(read_module.os, "open", failing(PermissionError(13, "Permission denied", str(path))))
        assert problem(path) == "permission denied"


def test_special_files_are_refused_without_blocking(tmp_path, monkeypatch):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    assert problem(fifo) == "not a regular file (a named pipe)"
    link = tmp_path / "zeros.txt"
    link.symlink_to("/dev/zero")
    assert problem(link) == "not a regular file (a device)"

    # Swapped for a FIFO between the stat and the open: still refused, still without waiting.
    path = tmp_path / "report.txt"
    path.write_text("Report")
    real_open = read_module.os.open

    def swap(file, *args, **kwargs):
        if Path(file) == path:
            path.unlink()
            os.mkfifo(path)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(read_module.os, "open", swap)
    assert problem(path) == "not a regular file (a named pipe)"


def test_a_table_cells_paragraph_marks_laid_out_as_spaces_with_where_each_starts():
    from rcmkg.converters.read import PARA_MARK, laid_out

    assert laid_out(f"A{PARA_MARK}B | C  {PARA_MARK}  D") == ("A B | C D", (2, 8))
    # (marks in a row, one break; a mark at the end, none; no mark, the text as it is)
    assert laid_out(f"A{PARA_MARK}{PARA_MARK}B{PARA_MARK}") == ("A B", (2,))
    assert laid_out("no mark  here") == ("no mark  here", ())


def test_a_pdf_lines_own_nul_is_a_space_not_a_paragraph_mark():
    from rcmkg.converters.pdf import _clean
    from rcmkg.converters.read import PARA_MARK

    assert _clean(f"To thank{PARA_MARK}IOM") == "To thank IOM"
