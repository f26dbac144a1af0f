"""The wheel works on its own: built, installed into a fresh virtualenv, run from outside the checkout.

This is the guard the flat layout needs (STYLE.md): the other tests import rcmkg from the source tree,
where ontology/, shapes/, queries/ and data/registry sit beside the package. Here the only copies are
the ones hatchling's force-include put under ``rcmkg/_resources`` in the wheel.

The virtualenv sees the running interpreter's site-packages (so the dependencies need not be downloaded again), but
the wheel's rcmkg shadows the editable one, and every command runs from a folder with no checkout;
the test checks both. It takes about 30 s (building the wheel is most of it).
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"

#: source folder -> where pyproject's force-include puts it in the wheel
RESOURCES = {
    "ontology": "rcmkg/_resources/ontology",
    "shapes": "rcmkg/_resources/shapes",
    "queries": "rcmkg/_resources/queries",
    "data/registry": "rcmkg/_resources/registry",
}

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))} exited {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc


def _clean_env() -> dict[str, str]:
    """The environment without RCMKG_* (no resource overrides, base, store...) and PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RCMKG_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _has_build(cwd: Path) -> bool:
    """Whether `python -m build` (pypa/build) is installed (asked from outside the checkout, where a
    stray build/ folder would pass for it)."""
    probe = subprocess.run([sys.executable, "-c", "import build.__main__"], cwd=cwd, capture_output=True)
    return probe.returncode == 0


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    env = _clean_env()
    if _has_build(out):
        cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)]
    else:
        cmd = [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(out)]
    _run(cmd, cwd=out, env=env)
    wheels = sorted(out.glob("rcmkg-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed; its dependencies come from the running
    interpreter's site-packages, listed in a .pth file. (``--system-site-packages`` would give the
    base interpreter's, which lack them when the tests run in a virtualenv; and a path named in a .pth
    file has its own .pth files left unread, so the running environment's editable rcmkg stays out.)"""
    where = tmp_path_factory.mktemp("venv") / "venv"
    env = _clean_env()
    _run([sys.executable, "-m", "venv", str(where)], cwd=where.parent, env=env)
    python = where / "bin" / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   cwd=where.parent, env=env).stdout.strip()
    outer = dict.fromkeys([*site.getsitepackages(), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (Path(purelib) / "_rcmkg_test_deps.pth").write_text("".join(f"{p}\n" for p in outer), encoding="utf-8")
    _run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], cwd=where.parent, env=env)
    return where


def test_wheel_ships_every_resource(wheel: Path) -> None:
    """Every file of ontology/, shapes/, queries/ and data/registry is in the wheel, where
    rcmkg.resources looks for it, and so are the templates and static files."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for source, target in RESOURCES.items():
        files = sorted(p.relative_to(ROOT / source).as_posix() for p in (ROOT / source).rglob("*") if p.is_file())
        assert files, f"{source}/ is empty"
        missing = [f for f in files if f"{target}/{f}" not in names]
        assert not missing, f"the wheel lacks {source}/ files: {missing}"
    assert "rcmkg/_resources/ontology/rcm.ttl" in names
    assert any(n.startswith("rcmkg/templates/") and n.endswith(".html") for n in names)
    assert any(n.startswith("rcmkg/static/") for n in names)
    assert "rcmkg/py.typed" in names
    # the interface's Spanish catalogue, compiled (rcmkg.i18n loads the .mo; tests/test_i18n.py checks it is current)
    assert "rcmkg/locale/es/LC_MESSAGES/messages.mo" in names
    # Nothing from the checkout that is not the package (tests, sample reports, benchmarks).
    assert not [n for n in names if n.startswith(("tests/", "data/", "bench/"))]


def test_installed_wheel_converts_validates_and_queries(venv: Path, tmp_path: Path, converted: Path) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = _clean_env()
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["RCMKG_CACHE_DIR"] = str(tmp_path / "cache")  # the ontology closure computed from the wheel's copy
    python, rcmkg = str(venv / "bin" / "python"), str(venv / "bin" / "rcmkg")

    # The rcmkg that runs is the wheel's, and so are its resources.
    probe = _run([python, "-c", (
        "import json, rcmkg, rcmkg.resources as r;"
        "print(json.dumps([rcmkg.__file__] + [str(r.resource_dir(k)) for k in r.KINDS]))"
    )], cwd=work, env=env)
    paths = [Path(p).resolve() for p in json.loads(probe.stdout)]
    for p in paths:
        assert p.is_relative_to(venv.resolve()), f"{p} is not inside the virtualenv {venv}"
        assert not p.is_relative_to(ROOT), p
    assert [p.parts[-2:] for p in paths[1:]] == [
        ("_resources", "ontology"), ("_resources", "shapes"), ("_resources", "queries"), ("_resources", "registry")]

    convert = _run([rcmkg, "convert", str(REPORTS), "--out", "out", "--jobs", "1"], cwd=work, env=env)
    ttl = sorted((work / "out").glob("*.ttl"))
    assert len(ttl) == 5, (convert.stderr, ttl)
    assert "0 errors" in convert.stderr
    # The same Turtle as the checkout's converter, byte for byte.
    assert [p.name for p in ttl] == sorted(p.name for p in converted.glob("*.ttl"))
    for p in ttl:
        assert p.read_bytes() == (converted / p.name).read_bytes(), f"{p.name} differs from the checkout's output"

    validate = _run([rcmkg, "validate", "out"], cwd=work, env=env)
    assert "conforms: 5 files" in validate.stdout and " 0 violations" in validate.stdout, validate.stdout

    meetings = _run([rcmkg, "query", "meetings", "--data", "out", "--format", "json"], cwd=work, env=env)
    bindings = json.loads(meetings.stdout)["results"]["bindings"]
    assert len({b["meeting"]["value"] for b in bindings}) == 5
    assert {b["source"]["value"] for b in bindings} == {p.name for p in REPORTS.glob("*.txt")}
    assert all(b["date"]["datatype"].endswith("#date") for b in bindings)

    listing = _run([rcmkg, "query", "--list"], cwd=work, env=env).stdout
    names = [line for line in listing.splitlines() if line and not line.startswith(" ")]
    assert names == sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert "--param item=" in listing
