"""The bad-input corpus, through the command line: every case next to a good report.

Each case puts one bad file in a folder with a good sample report (001, the 2013 meeting), into an
output folder that already holds a good conversion of report 002 (the 2018 meeting: most bad files
here are damaged versions of it), and runs ``rcmkg convert folder --out out``. Every case asserts:

- the exit status (1 for a bad file, 2 for a usage error);
- exactly one ``error:`` line, naming the file and the problem, and no traceback;
- the good report still converted, byte for byte as in a clean run;
- the existing 2018 output untouched (same bytes, same modification time);
- no temporary file left in the output folder.

Large, hostile and damaged files are generated in ``tmp_path`` at test time (tests/builders.py).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from builders import (
    REPORTS,
    S002,
    build_docx,
    build_encrypted_pdf,
    build_scanned_pdf,
    build_truncated_docx,
    build_zip_bomb_docx,
)
from click.testing import CliRunner, Result

from rcmkg import pipeline
from rcmkg.cli import cli
from rcmkg.converters import read as read_module

GOOD = "001_ea473d19cfaa0b12.txt"
GOOD_TTL = "rcm-lon-smtp_2013-11-18.ttl"
EXISTING = "rcm-lon-smtp_2018-07-19.ttl"  # 002's meeting; already converted in out/ before each run
MB = 1024 * 1024

SPANISH = """CONFERENCIA REGIONAL SOBRE MIGRACIÓN (CRM)

INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO ILÍCITO DE \
MIGRANTES Y LA TRATA DE PERSONAS

Ciudad de Guatemala, Guatemala
21 de junio de 2017

La Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la Trata de Personas \
celebró su reunión ordinaria en la Ciudad de Guatemala, Guatemala, el 21 de junio de 2017, con la \
participación de representantes de Costa Rica, El Salvador, Guatemala, Honduras, México y Panamá.

La Red acordó lo siguiente:

1. Agradecer a la OIM por la presentación sobre los avances en la implementación de los Lineamientos \
Regionales.

2. Agradecer a Costa Rica por la actualización sobre la Coalición Regional contra la Trata de Personas \
y el Tráfico Ilícito de Migrantes.

3. La Secretaría Técnica enviará a los países miembros el borrador del Plan de Trabajo a más tardar el \
21 de julio de 2017.
"""

FRENCH = """RAPPORT DE LA RÉUNION DU RÉSEAU DES FONCTIONNAIRES DE LIAISON

Le Réseau des fonctionnaires de liaison pour la lutte contre le trafic illicite de migrants et la traite \
des personnes a tenu sa réunion ordinaire dans la ville de Guatemala, le 21 juin 2017, avec la \
participation des représentants du Costa Rica, du Salvador, du Guatemala, du Honduras et du Mexique.

1. Remercier l'OIM pour sa présentation sur les progrès dans la mise en oeuvre des lignes directrices \
régionales et pour les efforts des pays avec les autorités.

2. Remercier le Costa Rica pour la mise à jour sur la Coalition régionale contre la traite des personnes.
"""

NO_DATE = "Minutes of a meeting of the Network\n\n1. To thank IOM for its presentation.\n"


def report_002() -> str:
    return (REPORTS / f"{S002}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """Clean conversions of 001 and 002: what the good files must look like after every run."""
    out = tmp_path_factory.mktemp("reference")
    result = invoke([str(REPORTS / GOOD), str(REPORTS / f"{S002}.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [GOOD_TTL, EXISTING]
    return out


@dataclass
class Case:
    src: Path  # the input folder: the good report, and the bad file the test adds
    out: Path  # holds a good conversion of 002 before the run
    reference: Path

    def add(self, name: str, data: bytes | str) -> Path:
        path = self.src / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    def convert(self, *extra: str) -> Result:
        return invoke([str(self.src), "--out", str(self.out), "--jobs", "1", *extra])

    def check(self, result: Result, bad: Path | str, problem: str, code: int = 1, existing_kept: bool = True) -> None:
        """One error line, ``error: BAD: PROBLEM``; the good report converted; nothing else touched."""
        assert result.exit_code == code, result.output
        assert isinstance(result.exception, SystemExit), result.exception  # nothing escaped
        assert "Traceback" not in result.output
        assert errors(result) == [f"error: {bad}: {problem}"]
        assert (self.out / GOOD_TTL).read_bytes() == (self.reference / GOOD_TTL).read_bytes()
        if existing_kept:
            self.assert_existing_untouched()
        assert not leftovers(self.out)

    def assert_existing_untouched(self) -> None:
        kept = self.out / EXISTING
        assert kept.read_bytes() == (self.reference / EXISTING).read_bytes()
        assert kept.stat().st_mtime_ns == self.mtime

    @property
    def mtime(self) -> int:
        return (self.reference / EXISTING).stat().st_mtime_ns


@pytest.fixture
def case(tmp_path, reference) -> Case:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    shutil.copy(REPORTS / GOOD, src / GOOD)
    shutil.copy2(reference / EXISTING, out / EXISTING)  # copy2 keeps the modification time
    return Case(src, out, reference)


def invoke(args: list[str]) -> Result:
    return CliRunner().invoke(cli, ["convert", *args])


def errors(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def leftovers(out: Path) -> list[str]:
    """Temporary files (atomic writes go through ``.NAME.*.part``) or anything that is not Turtle."""
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") or p.suffix != ".ttl")


# ---- files that cannot be read --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("empty.docx", b"", "empty file"),
        ("empty.pdf", b"", "empty file"),
        ("whitespace.txt", b" \n\t\r\n  \n", "no text (whitespace only)"),
        ("binary.txt", bytes(range(256)) * 20, "binary file, not text"),
        ("not_a_zip.docx", b"This is plain text saved as .docx", "not a valid .docx (bad zip: File is not a zip file)"),
        ("not_a_pdf.pdf", b"Plain text saved as .pdf\n", "not a valid PDF (no %PDF header)"),
        ("report.doc", b"\xd0\xcf\x11\xe0", "unsupported file type '.doc' (expected .txt, .docx or .pdf)"),
    ],
)
def test_unreadable_bytes(case, name, data, problem):
    bad = case.add(name, data)
    case.check(case.convert(), bad, problem)


def test_what_a_folder_lists(case):
    """Word-processor files rcmkg cannot read are reported; notes, hidden files and Word's lock files are not."""
    case.add("README.md", "# notes")
    case.add(".draft.txt", NO_DATE)
    case.add("~$report.docx", b"\x0bAuthor Name" + bytes(150))  # Word's owner file, while a report is open
    case.add("sub.txt", "")
    (case.src / "sub.txt").unlink()
    (case.src / "old").mkdir()
    bad = case.add("old/report.rtf", "{\\rtf1 report}")
    result = case.convert()
    case.check(result, bad, "unsupported file type '.rtf' (expected .txt, .docx or .pdf)")
    assert "converted 1 of 2 files" in result.stderr


def test_truncated_docx(case, tmp_path):
    bad = case.src / f"{S002}.docx"
    build_truncated_docx(REPORTS / f"{S002}.txt", tmp_path / "build" / "cut.docx").rename(bad)
    case.check(case.convert(), bad, "not a valid .docx (bad zip: File is not a zip file)")


def test_zip_bomb_is_refused_before_anything_is_inflated(case, monkeypatch):
    bad = build_zip_bomb_docx(case.src / "bomb.docx", megabytes=201)
    assert bad.stat().st_size < 2 * MB

    def inflate(*args, **kwargs):
        raise AssertionError("an entry of the zip bomb was inflated")

    monkeypatch.setattr(zipfile.ZipFile, "open", inflate)
    case.check(case.convert(), bad, "refusing .docx: uncompressed size 201 MB exceeds the limit of 200 MB (zip bomb?)")


def test_zip_bomb_that_compresses_too_well(case):
    bad = build_zip_bomb_docx(case.src / "dense.docx", megabytes=20)
    result = case.convert()
    [line] = errors(result)
    ratio = re.fullmatch(rf"error: {re.escape(str(bad))}: refusing \.docx: word/document\.xml inflates (\d+) times, "
                         r"over the limit of 100 \(zip bomb\?\)", line)
    assert ratio and int(ratio.group(1)) > 100
    case.check(result, bad, line.split(": ", 2)[2])


def test_zip_bomb_whose_directory_lies(case, tmp_path):
    """The directory claims 900 kB for 300 MB of XML: inflated in bounded chunks, it fails its CRC."""
    good = build_docx(REPORTS / f"{S002}.txt", tmp_path / "good.docx")
    bad = case.src / f"{S002}.docx"
    # Streamed at deflate level 1: the 300 MB are never in memory at once and compress in a fraction
    # of the default level's time (the bytes, and so the CRC, are the same).
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        head, end, tail = zin.read("word/document.xml").partition(b"</w:body>")
        assert end, "no </w:body> in the built document"
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info.filename, zin.read(info))
                continue
            with zout.open(info.filename, "w") as fh:
                fh.write(head + b"<w:p><w:r><w:t>")
                chunk = b"A" * MB
                for _ in range(300):
                    fh.write(chunk)
                fh.write(b"</w:t></w:r></w:p>" + end + tail)
    raw = bytearray(bad.read_bytes())
    at = raw.find(b"PK\x01\x02")  # central directory records: patch the uncompressed size of document.xml
    while at != -1:
        name_len = int.from_bytes(raw[at + 28 : at + 30], "little")
        if raw[at + 46 : at + 46 + name_len] == b"word/document.xml":
            raw[at + 24 : at + 28] = (900_000).to_bytes(4, "little")
        at = raw.find(b"PK\x01\x02", at + 4)
    bad.write_bytes(bytes(raw))
    case.check(case.convert(), bad, "not a valid .docx (bad zip: Bad CRC-32 for file 'word/document.xml')")


def test_encrypted_pdf(case):
    bad = build_encrypted_pdf(case.src / f"{S002}.pdf")
    case.check(case.convert(), bad, "encrypted PDF")


def test_scanned_pdf(case):
    bad = build_scanned_pdf(case.src / f"{S002}.pdf")
    case.check(case.convert(), bad, "no text layer (scanned?)")


def test_50_mb_text_file(case):
    text = report_002().encode("utf-8")
    bad = case.add("huge.txt", text * (50 * MB // len(text) + 1))
    assert bad.stat().st_size >= 50 * MB
    case.check(case.convert(), bad, "file too large (50 MB > limit 20 MB)")


# ---- files that read, but do not make a meeting ----------------------------------------------------


def test_no_date(case):
    bad = case.add("nodate.txt", NO_DATE)
    case.check(case.convert(), bad, "no recognisable meeting date")


def test_no_items_never_replaces_a_file_that_has_them(case):
    text = report_002()
    bad = case.add(f"{S002}_draft.txt", text[: text.index("The Liaison Officer Network to Combat")])
    result = case.convert()
    case.check(result, bad, "no numbered items found; kept the existing file rcm-lon-smtp_2018-07-19.ttl (14 items)")


def test_no_items_is_converted_with_warnings(case):
    # Degrade, do not refuse: the meeting's header is read; what the source lacks is warned about
    # and recorded in the graph.
    (case.out / EXISTING).unlink()
    text = report_002()
    case.add(f"{S002}_draft.txt", text[: text.index("The Liaison Officer Network to Combat")])
    result = case.convert()
    assert result.exit_code == 0, result.output
    assert not errors(result)
    assert f"warning: {S002}_draft.txt: no numbered items found" in result.output
    written = (case.out / EXISTING).read_text(encoding="utf-8")
    assert "rcm:sourceLacks" in written and "lack:items" in written
    assert "a rcm:Agreement" not in written


def test_strict_refuses_a_report_without_items(case):
    (case.out / EXISTING).unlink()
    text = report_002()
    bad = case.add(f"{S002}_draft.txt", text[: text.index("The Liaison Officer Network to Combat")])
    result = case.convert("--strict")
    assert result.exit_code == 1, result.output
    (line,) = errors(result)
    assert line.startswith(f"error: {bad}: no numbered items found; no delegation list")
    assert sorted(p.name for p in case.out.iterdir()) == [GOOD_TTL]


def test_spanish_report_is_converted(case):
    case.add("informe_2017.txt", SPANISH)
    result = case.convert()
    assert result.exit_code == 0, result.output
    assert not errors(result) and "Traceback" not in result.output
    ttl = case.out / "rcm-lon-smtp_2017-06-21.ttl"
    assert ttl.is_file()
    case.assert_existing_untouched()
    rows = query("agreements", case.out)
    mine = [r for r in rows if r["meeting"].endswith("/2017-06-21")]
    assert [(r["label"], r["text"][:30]) for r in mine] == [
        ("1.", "Agradecer a la OIM por la pres"),
        ("2.", "Agradecer a Costa Rica por la "),
        ("3.", "La Secretaría Técnica enviará "),
    ]
    assert [r["kind"] for r in mine][:2] == ["thanks", "thanks"]
    meetings = {r["source"]: r for r in query("meetings", case.out)}
    assert meetings["informe_2017.txt"]["date"] == "2017-06-21"
    assert meetings["informe_2017.txt"]["country"] == "GT"


def test_unsupported_language(case):
    bad = case.add("rapport.txt", FRENCH)
    case.check(case.convert(), bad, "unsupported language (French; rcmkg reads English and Spanish reports)")


def test_two_files_of_one_report(case, tmp_path):
    """The 2018 report as .txt and as .docx: the first in name order is converted; the other, the same
    report (its items are), is said to be one and not converted again, and is no error."""
    shutil.copy(REPORTS / f"{S002}.txt", case.src)
    docx = build_docx(REPORTS / f"{S002}.txt", case.src / f"{S002}.docx")
    result = case.convert()
    assert result.exit_code == 0, result.output
    assert errors(result) == []
    assert f"warning: {S002}.txt: the same report as {docx} (its items are); not converted again" in result.stderr
    assert "1 duplicates" in result.stderr
    assert (case.out / GOOD_TTL).read_bytes() == (case.reference / GOOD_TTL).read_bytes()
    assert sorted(p.name for p in case.out.iterdir()) == [GOOD_TTL, EXISTING]
    assert f"from {docx.name} (sha256" in (case.out / EXISTING).read_text(encoding="utf-8")
    assert not leftovers(case.out)


def test_two_documents_of_one_meeting(case, tmp_path):
    """A meeting's declaration and the Presidency's report to it (tests/layouts): two documents of one
    meeting, not one report twice: the second in name order is refused."""
    layouts = Path(__file__).parent / "layouts"
    shutil.copy(layouts / "ppt_2007-04-26_en.txt", case.src)
    shutil.copy(layouts / "vm_2007-04-26_en.pdf", case.src)
    result = case.convert()
    meeting = "https://w3id.org/rcmkg/id/meeting/rcm-vmm/2007-04-26"
    case.check(result, case.src / "vm_2007-04-26_en.pdf",
               f"describes the same meeting as {case.src / 'ppt_2007-04-26_en.txt'} ({meeting}); not converted")


# ---- files that change under the run ----------------------------------------------------------------


def after_listing(monkeypatch, change) -> None:
    """Run ``change()`` once the pipeline has listed its files, before any is read."""
    listed = pipeline.listing

    def listing_then_change(paths):
        found = listed(paths)
        change()
        return found

    monkeypatch.setattr(pipeline, "listing", listing_then_change)


def test_file_deleted_between_listing_and_reading(case, monkeypatch):
    bad = case.add("vanishing.txt", report_002())
    after_listing(monkeypatch, bad.unlink)
    case.check(case.convert(), bad, "file disappeared during the run (listed, then gone before it was read)")


def test_file_replaced_by_a_pipe_after_listing(case, monkeypatch):
    """A FIFO would block a plain open() for ever: it is refused at once."""
    bad = case.add("pipe.txt", report_002())
    after_listing(monkeypatch, lambda: (bad.unlink(), os.mkfifo(bad)))
    case.check(case.convert(), bad, "not a regular file (a named pipe)")


def test_special_files_named_on_the_command_line(case, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    device = tmp_path / "zeros.txt"
    device.symlink_to("/dev/zero")
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    result = invoke([str(case.src), str(fifo), str(device), str(dangling), "--out", str(case.out), "--jobs", "1"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert errors(result) == [
        f"error: {dangling}: file not found",
        f"error: {fifo}: not a regular file (a named pipe)",
        f"error: {device}: not a regular file (a device)",
    ]
    assert (case.out / GOOD_TTL).is_file() and not leftovers(case.out)
    case.assert_existing_untouched()


def test_permission_denied(case, monkeypatch):
    bad = case.add("locked.txt", report_002())
    if os.geteuid() != 0:
        bad.chmod(0)
    else:  # root reads a chmod 000 file anyway: make the open fail as it would for anyone else
        real_open = read_module.os.open

        def denied(file, *args, **kwargs):
            if Path(file) == bad:
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(read_module.os, "open", denied)
    try:
        case.check(case.convert(), bad, "permission denied")
    finally:
        bad.chmod(0o644)


def test_unwritable_output(case):
    """The output path taken by a folder: the report fails alone, with the reason."""
    (case.out / EXISTING).unlink()
    (case.out / EXISTING).mkdir()
    shutil.copy(REPORTS / f"{S002}.txt", case.src)
    result = case.convert()
    target = case.out / EXISTING
    assert errors(result) == [f"error: {case.src / f'{S002}.txt'}: cannot write {target} (is a directory, not a file)"]
    assert result.exit_code == 1 and (case.out / GOOD_TTL).is_file()
    assert not [p for p in case.out.iterdir() if p.name.startswith(".")]


# ---- failures of the converter itself -------------------------------------------------------------


def test_a_bug_in_the_converter_is_one_line(case, monkeypatch):
    bad = case.add("trigger.txt", report_002())
    convert_file = pipeline.convert_file

    def buggy(path, settings):
        if path.name == "trigger.txt":
            raise KeyError("boom")
        return convert_file(path, settings)

    monkeypatch.setattr(pipeline, "convert_file", buggy)
    case.check(case.convert(), bad, "internal error (KeyError: 'boom'); rerun with --debug for the traceback")
    with pytest.raises(KeyError):  # --debug lets it through
        CliRunner().invoke(cli, ["--debug", "convert", str(case.src), "--out", str(case.out), "--jobs", "1"],
                           catch_exceptions=False)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the crash is planted by monkeypatching, "
                    "which worker processes only inherit when they are forked")
def test_a_worker_that_dies_costs_only_its_file(case, monkeypatch):
    """A worker killed mid-file (a crash in a C library, the OOM killer) must not sink the run."""
    for stem in ("000_c5bf61ab61fbc9f9", S002, "003_973db467bec07b93", "004_3a97dbaab52264ea"):
        shutil.copy(REPORTS / f"{stem}.txt", case.src)  # several files in flight when the worker dies
    bad = case.add("crash.txt", NO_DATE)
    convert_file = pipeline.convert_file

    def crashing(path, settings):
        if path.name == "crash.txt":
            os._exit(70)
        return convert_file(path, settings)

    monkeypatch.setattr(pipeline, "convert_file", crashing)
    result = invoke([str(case.src), "--out", str(case.out), "--jobs", "2"])
    problem = "the converter crashed on this file (its worker process died)"
    assert errors(result) == [f"error: {bad}: {problem}"], result.output
    case.check(result, bad, problem)
    assert "converted 5 of 6 files" in result.stderr


# ---- usage errors: exit status 2 --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{missing}"], "no such file or folder"),
        (["{src}", "--jobs", "-1"], "Invalid value for '--jobs'"),
        (["{src}", "--jobs", "many"], "Invalid value for '--jobs'"),
        (["{src}", "--out", "{file}"], "Invalid value for '--out'"),
        ([], "Missing argument 'PATHS...'"),
    ],
    ids=["missing-path", "negative-jobs", "jobs-not-a-number", "out-is-a-file", "no-paths"],
)
def test_usage_errors(case, args, message):
    values = {"missing": case.src / "missing.txt", "src": case.src, "file": case.src / GOOD}
    argv = [a.format(**values) for a in args]
    if "--out" not in argv:
        argv += ["--out", str(case.out)]
    result = invoke(argv)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in case.out.iterdir()) == [EXISTING]  # nothing converted
    case.assert_existing_untouched()


def test_bad_size_limit_is_one_usage_error(case, monkeypatch):
    monkeypatch.setenv("RCMKG_MAX_MB", "lots")
    result = case.convert()
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == ["Error: RCMKG_MAX_MB must be a positive number of megabytes, not 'lots'"]
    assert sorted(p.name for p in case.out.iterdir()) == [EXISTING]


# ---- all at once ----------------------------------------------------------------------------------


def test_the_whole_corpus_in_one_run_with_jobs(case, tmp_path):
    """Every bad file in one folder: one line each, the good reports converted, --jobs 2 == --jobs 1."""
    case.add("empty.txt", b"")
    case.add("whitespace.txt", "  \n\n ")
    case.add("binary.txt", bytes(range(256)) * 20)
    build_truncated_docx(REPORTS / f"{S002}.txt", tmp_path / "build" / "cut.docx").rename(case.src / "cut.docx")
    build_zip_bomb_docx(case.src / "bomb.docx", megabytes=20)
    build_encrypted_pdf(case.src / "locked.pdf")
    build_scanned_pdf(case.src / "scan.pdf")
    case.add("nodate.txt", NO_DATE)
    case.add("rapport.txt", FRENCH)
    case.add("informe.txt", SPANISH)
    shutil.copy(REPORTS / "003_973db467bec07b93.txt", case.src)
    shutil.copy(REPORTS / "003_973db467bec07b93.txt", case.src / "zz_copy_of_003.txt")
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        shutil.copytree(case.out, out)
        result = invoke([str(case.src), "--out", str(out), "--jobs", jobs])
        assert result.exit_code == 1 and "Traceback" not in result.output
        runs[jobs] = (errors(result), {p.name: p.read_bytes() for p in sorted(out.iterdir())})
        assert (out / EXISTING).stat().st_mtime_ns == case.mtime
        assert not leftovers(out)
    assert runs["1"] == runs["2"]
    lines, files = runs["1"]
    # (the copy of 003 is the same report again: a warning, no error line)
    assert [line.split(": ", 2)[1] for line in lines] == [
        str(case.src / n) for n in ("binary.txt", "bomb.docx", "cut.docx", "empty.txt", "locked.pdf", "nodate.txt",
                                    "rapport.txt", "scan.pdf", "whitespace.txt")
    ]
    assert sorted(files) == [GOOD_TTL, "rcm-lon-smtp_2016-11-15.ttl", "rcm-lon-smtp_2017-06-21.ttl", EXISTING]


def query(name: str, data: Path) -> list[dict[str, str]]:
    import json

    result = CliRunner().invoke(cli, ["query", name, "--data", str(data), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(result.stdout)["results"]["bindings"]]
