"""Tests of the tests: an assertion inside a loop that may run zero times checks nothing.

``for row in rows: assert ...`` and ``assert all(... for row in rows)`` pass when ``rows`` is
empty, so a converter that writes nothing would pass them. Every such loop needs a non-empty guard:

- an earlier ``assert`` in the same function that mentions the iterable, or a name computed from it
  (``assert rows``, ``assert len(rows) == 3``, ``assert rows and all(...)``; not ``assert not rows``);
- or an iterable that is non-empty by construction (a non-empty literal, a name bound once to one,
  ``range(3)``);
- or a later ``assert`` on the iterable or on what the loop counted or collected
  (``checked += 1`` ... ``assert checked >= 140``; not ``assert bad == []``).

The check is syntactic and flags only what it can prove vacuous-prone: loops whose body holds an
assertion (an ``assert``, ``pytest.raises``/``pytest.fail``, or a call to a helper of the same module
that asserts), and the outermost ``for`` of a comprehension under ``all(...)`` or ``not any(...)`` in
an assert. An inner loop inside a loop that asserts something else on every pass checks an optional
part ("each parent, if any, is an organisation") and is left alone. Run ``python tests/test_tests.py``
to list the offenders.
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parent

# Loops that are vacuous by design, with the reason. Empty today, and it should stay short.
ALLOWED: dict[tuple[str, str], str] = {}

# Calls that only reshape an iterable: the guard may be written on their argument.
WRAPPERS = {"sorted", "list", "tuple", "set", "frozenset", "reversed", "enumerate", "iter", "dict"}
VIEWS = {"items", "keys", "values"}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    function: str
    iterable: str

    def __str__(self) -> str:
        where = self.path.relative_to(TESTS.parent) if self.path.is_relative_to(TESTS.parent) else self.path
        return f"{where}:{self.line} in {self.function}(): unguarded loop over {self.iterable}"


def _dump(node: ast.AST) -> str:
    """The expression's shape, whether it is read or written (``n += 1`` then ``assert n``)."""
    return ast.dump(node).replace("ctx=Store()", "ctx=Load()")


@dataclass(frozen=True)
class Known:
    """What a module knows to be non-empty: names imported from another module whose value is a
    non-empty container when the check runs, and functions of the module that assert what they
    return is non-empty (``assert found, ...; return found``)."""

    values: frozenset[str] = frozenset()
    functions: frozenset[str] = frozenset()


def _nonempty_literal(node: ast.expr, constants: dict[str, ast.expr], known: Known = Known()) -> bool:
    """True when the iterable is non-empty by construction (a literal, or a name bound to one)."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return bool(node.elts) and not any(isinstance(e, ast.Starred) for e in node.elts)
    if isinstance(node, ast.Dict):
        return bool(node.keys) and all(k is not None for k in node.keys)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, bytes)) and len(node.value) > 0
    if isinstance(node, ast.Name) and node.id in constants:
        return _nonempty_literal(constants[node.id], {}, known)
    if isinstance(node, ast.Name):
        return node.id in known.values
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in known.functions:
        return True
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
        # {f.__name__: f for f in (a, b)}: one unfiltered generator over a non-empty iterable
        gens = node.generators
        return len(gens) == 1 and not gens[0].ifs and _nonempty_literal(gens[0].iter, constants, known)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id == "range" and all(isinstance(a, ast.Constant) for a in node.args):
            return len(range(*[a.value for a in node.args])) > 0  # type: ignore[misc]
        if node.func.id in WRAPPERS | {"zip"} and node.args:
            return all(_nonempty_literal(a, constants, known) for a in node.args)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in VIEWS:
        return _nonempty_literal(node.func.value, constants, known)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # [first] + [rest ...]
        return _nonempty_literal(node.left, constants, known) or _nonempty_literal(node.right, constants, known)
    return False


def _keys(node: ast.expr) -> list[str]:
    """The expressions a guard may name: the iterable, and what it is a reshaping of."""
    out = [_dump(node)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in WRAPPERS | {"zip"}:
        for arg in node.args:
            out += _keys(arg)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in VIEWS:
        out += _keys(node.func.value)
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        out += _keys(node.value)  # rows[1:] guarded by `assert len(rows) == 3`
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.BitOr)):
        out += _keys(node.left) + _keys(node.right)  # a + b, a | b: non-empty when either is
    return out


def _guards(test: ast.expr, keys: list[str]) -> bool:
    """Whether an assert's test says something about one of ``keys`` (and is not ``not key``)."""
    if _emptiness(test):
        return False
    return any(_dump(sub) in keys for sub in ast.walk(test) if isinstance(sub, ast.expr))


def _emptiness(test: ast.expr) -> bool:
    """``not x``, ``x == []``, ``len(x) == 0``...: true of what an empty loop leaves behind."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return True
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.Is)):
        other = test.comparators[0]
        if isinstance(other, (ast.List, ast.Tuple, ast.Set, ast.Dict)) and not getattr(other, "elts", getattr(other, "keys", None)):
            return True
        if isinstance(other, ast.Constant) and other.value in (0, None, "", b""):
            return True
        if isinstance(other, ast.Call) and isinstance(other.func, ast.Name) and not other.args:
            return other.func.id in WRAPPERS | {"Counter"}  # x == set()
    return False


def _accumulated(loop: ast.For | ast.AsyncFor) -> list[str]:
    """Names the loop body adds to: counters (``n += 1``), ``seen.add(x)``, ``out[k] = v``."""
    out: list[str] = []
    for node in ast.walk(loop):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            out.append(_dump(node.target))
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Subscript):
            out.append(_dump(node.target.value))  # checked[stage] += 1
        elif isinstance(node, ast.Assign):
            out += [_dump(t.value) for t in node.targets if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            if node.func.attr in {"add", "append", "extend", "update", "setdefault", "insert"}:
                out.append(_dump(node.func.value))
    return out


def _bindings(stmts: list[ast.stmt]) -> dict[str, ast.expr]:
    """Names bound exactly once in these statements (not in nested functions), to their value."""
    values: dict[str, ast.expr] = {}
    counts: dict[str, int] = {}
    stack: list[ast.AST] = list(stmts)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            counts[node.id] = counts.get(node.id, 0) + 1
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            values[node.target.id] = node.value
        stack.extend(ast.iter_child_nodes(node))
    return {k: v for k, v in values.items() if counts.get(k) == 1}


def _asserting_helpers(tree: ast.Module) -> set[str]:
    """Module functions that assert (directly or through another such function)."""
    funcs = {f.name: f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, func in funcs.items():
            if name not in found and any(_is_assertion(n, found) for n in ast.walk(func) if n is not func):
                found.add(name)
                changed = True
    return found


def _is_assertion(node: ast.AST, helpers: set[str]) -> bool:
    if isinstance(node, ast.Assert):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "pytest":
            return func.attr in {"raises", "fail"}
        if isinstance(func, ast.Name):
            return func.id in helpers
    return False


def _body_asserts(stmts: list[ast.stmt], helpers: set[str]) -> bool:
    """Whether the statements hold an assertion that runs in this function (not in a nested def)."""
    stack: list[ast.AST] = list(stmts)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if _is_assertion(node, helpers):
            return True
        stack.extend(ast.iter_child_nodes(node))
    return False


def _direct_assertions(stmts: list[ast.stmt], helpers: set[str]) -> list[ast.AST]:
    """The assertions a loop body runs on every pass: its own statements and those of its
    ``with``/``try`` blocks, not those under an ``if`` or an inner loop."""
    out: list[ast.AST] = []
    for stmt in stmts:
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            if any(_is_assertion(item.context_expr, helpers) for item in stmt.items):
                out.append(stmt)
            out += _direct_assertions(stmt.body, helpers)
        elif isinstance(stmt, ast.Try):
            out += _direct_assertions(stmt.body, helpers)
        elif isinstance(stmt, ast.Assert) or (isinstance(stmt, ast.Expr) and _is_assertion(stmt.value, helpers)):
            out.append(stmt)
    return out


def _imported_values(tree: ast.Module) -> frozenset[str]:
    """Names imported from a module (``from rcmkg.x import FORMATS``) bound to a non-empty container."""
    out = set()
    for stmt in tree.body:
        if not isinstance(stmt, ast.ImportFrom) or stmt.level or not stmt.module:
            continue
        try:
            module = importlib.import_module(stmt.module)
        except Exception:  # not importable here: nothing is known about its names
            continue
        for alias in stmt.names:
            value = getattr(module, alias.name, None)
            if isinstance(value, (tuple, list, dict, set, frozenset, str)) and len(value) > 0:
                out.add(alias.asname or alias.name)
    return frozenset(out)


def _nonempty_functions(tree: ast.Module) -> frozenset[str]:
    """Module functions whose every ``return`` is guarded by an earlier assert of the function body."""
    out = set()
    for func in tree.body:
        if not isinstance(func, ast.FunctionDef):
            continue
        asserts: list[ast.expr] = []
        returns = 0
        guarded = True
        for stmt in func.body:
            if isinstance(stmt, ast.Assert):
                asserts.append(stmt.test)
            elif isinstance(stmt, ast.Return) and stmt.value is not None:
                returns += 1
                guarded &= any(_guards(t, _keys(stmt.value)) for t in asserts)
            elif any(isinstance(n, ast.Return) for n in ast.walk(stmt)):
                guarded = False  # a return under an if or a loop: not followed here
        if returns and guarded:
            out.add(func.name)
    return frozenset(out)


class _Checker:
    def __init__(self, path: Path, tree: ast.Module) -> None:
        self.path = path
        self.module = {k: v for k, v in _bindings(tree.body).items() if any(
            isinstance(st, (ast.Assign, ast.AnnAssign)) and st.value is v for st in tree.body)}
        self.constants = dict(self.module)
        self.known = Known(_imported_values(tree), _nonempty_functions(tree))
        self.helpers = _asserting_helpers(tree)
        self.findings: list[Finding] = []
        self.function = "<module>"
        # For each enclosing loop of the current function, the assertions its body runs every pass.
        self.loops: list[list[ast.AST]] = []

    def check_function(self, func: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        outer, self.function, loops, self.loops = self.function, func.name, self.loops, []
        constants, self.constants = self.constants, {**self.constants, **_bindings(func.body)}
        self.block(func.body, [])
        self.function, self.loops, self.constants = outer, loops, constants

    def checked_every_pass(self, stmt: ast.stmt) -> bool:
        """An inner loop (or an ``all(...)``) inside a loop that asserts something else on every
        pass is a check of an optional part ("each parent, if any, is an organisation"): the
        outer loop's guard already makes the test fail when there is nothing to check."""
        return any(a is not stmt for loop in self.loops for a in loop)

    def block(self, stmts: list[ast.stmt], before: list[ast.expr], after: list[ast.expr] | None = None) -> None:
        """Walk a statement list; ``before`` holds the tests of the asserts that dominate it,
        ``after`` those that follow the enclosing statements (``assert checked >= 140`` after an
        outer loop shows that the inner loop that counts ran)."""
        seen = list(before)
        for i, stmt in enumerate(stmts):
            later = [s.test for s in stmts[i + 1 :] if isinstance(s, ast.Assert) and not _emptiness(s.test)]
            self.statement(stmt, seen, later + (after or []))
            if isinstance(stmt, ast.Assert):
                seen.append(stmt.test)

    def statement(self, stmt: ast.stmt, seen: list[ast.expr], later: list[ast.expr]) -> None:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.check_function(stmt)
            return
        if isinstance(stmt, ast.ClassDef):
            self.block(stmt.body, [])
            return
        is_loop = isinstance(stmt, (ast.For, ast.AsyncFor, ast.While))
        if isinstance(stmt, (ast.For, ast.AsyncFor)) and _body_asserts(stmt.body, self.helpers):
            # A later assert on the iterable, or on what the loop counted or collected
            # (``assert checked >= 140``), shows the loop ran as well as a guard before it does.
            if not self.checked_every_pass(stmt) and not any(_guards(t, _keys(stmt.iter) + _accumulated(stmt)) for t in later):
                self.require(stmt.iter, seen, stmt.lineno)
        if isinstance(stmt, ast.Assert) and not self.checked_every_pass(stmt):
            self.vacuous_all(stmt.test, seen)
        if is_loop:
            self.loops.append(_direct_assertions(stmt.body, self.helpers))
        for field in ("body", "orelse", "finalbody"):
            child = getattr(stmt, field, None)
            if isinstance(child, list) and child and isinstance(child[0], ast.stmt):
                self.block(child, seen, later)
        if is_loop:
            self.loops.pop()
        for handler in getattr(stmt, "handlers", []):
            self.block(handler.body, seen, later)
        for case in getattr(stmt, "cases", []):
            self.block(case.body, seen, later)

    def vacuous_all(self, test: ast.expr, seen: list[ast.expr]) -> None:
        """``all(gen)`` and ``not any(gen)`` in an assert, unless an earlier operand of ``and``
        (or an earlier assert) guards the generator's outer iterable."""
        operands = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]
        for i, operand in enumerate(operands):
            call = operand
            if isinstance(call, ast.UnaryOp) and isinstance(call.op, ast.Not):
                call = call.operand
                wanted = "any"
            else:
                wanted = "all"
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == wanted):
                continue
            if len(call.args) != 1 or not isinstance(call.args[0], (ast.GeneratorExp, ast.ListComp, ast.SetComp)):
                continue
            self.require(call.args[0].generators[0].iter, seen + operands[:i], operand.lineno)

    def require(self, iterable: ast.expr, seen: list[ast.expr], line: int) -> None:
        if _nonempty_literal(iterable, self.constants, self.known):
            return
        keys = _keys(iterable)
        # Names computed from the iterable count as it: `names = {p.name for p in FILES}` then
        # `assert names == {...}` guards a loop over FILES.
        grown = True
        while grown:
            grown = False
            for name, value in self.constants.items():
                alias = _dump(ast.Name(id=name, ctx=ast.Load()))
                if alias not in keys and any(_dump(sub) in keys for sub in ast.walk(value) if isinstance(sub, ast.expr)):
                    keys.append(alias)
                    grown = True
        if any(_guards(test, keys) for test in seen):
            return
        self.findings.append(Finding(self.path, line, self.function, ast.unparse(iterable)))


def unguarded_loops(paths: list[Path]) -> list[Finding]:
    out: list[Finding] = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        checker = _Checker(path, tree)
        checker.block(tree.body, [])
        out += [f for f in checker.findings if (f.path.name, f.function) not in ALLOWED]
    return out


def test_every_loop_assertion_is_guarded() -> None:
    files = sorted(TESTS.rglob("*.py"))
    assert len(files) > 10, files
    findings = unguarded_loops(files)
    assert not findings, "assertions in loops that may run zero times:\n" + "\n".join(map(str, findings))


def test_the_check_finds_what_it_should(tmp_path: Path) -> None:
    """The checker itself: flags the vacuous forms, accepts the guarded ones (no false positives)."""
    bad = tmp_path / "test_bad.py"
    bad.write_text(
        "def helper(x):\n    assert x\n"
        "def test_a(rows):\n    for r in rows:\n        assert r\n"
        "def test_b(rows):\n    assert all(r for r in rows)\n"
        "def test_c(rows):\n    assert not any(r for r in rows)\n"
        "def test_d(rows):\n    for r in rows:\n        helper(r)\n"
        "def test_e(rows):\n    assert not rows\n    for r in rows:\n        assert r\n"
        "def test_f(rows):\n    if rows:\n        assert rows\n    for r in rows:\n        assert r\n"
        "def test_g(rows):\n    bad = []\n    for r in rows:\n        bad.append(r)\n        assert r\n    assert bad == []\n"
        "def test_h(files):\n    for f in files:\n        for r in f:\n            assert r\n"
        "def maybe(rows):\n    return rows\n"
        "def test_i(rows):\n    for r in maybe(rows):\n        assert r\n",
        encoding="utf-8",
    )
    good = tmp_path / "test_good.py"
    good.write_text(
        "NAMES = ['a', 'b']\n"
        "def test_a(rows):\n    assert rows\n    for r in rows:\n        assert r\n"
        "def test_b(rows):\n    assert rows and all(r for r in rows)\n"
        "def test_c(rows):\n    assert len(rows) == 3\n    for i, r in enumerate(sorted(rows)):\n        assert r\n"
        "def test_d(d):\n    assert d, 'empty'\n    for k, v in d.items():\n        assert v\n"
        "def test_e():\n    for n in NAMES:\n        assert n\n    for i in range(3):\n        assert i >= 0\n"
        "def test_f(rows):\n    for r in rows:\n        print(r)\n"
        "def test_g(rows):\n    assert len(rows) == 3\n    assert all(r for r in rows[1:])\n"
        "def test_h(files):\n    n = 0\n    for f in files:\n        for r in f:\n            assert r\n            n += 1\n"
        "    assert n >= 10\n"
        "def test_i(files):\n    names = {f.name for f in files}\n    assert names == {'a', 'b'}\n"
        "    for f in files:\n        assert f\n"
        "def test_j(orgs):\n    assert orgs\n    for o in orgs:\n        assert o.kind\n"
        "        for parent in o.parents:\n            assert parent.kind == 'org'\n"
        "def test_k():\n    cases = {'a': 1}\n    for k, v in cases.items():\n        assert v\n"
        "from string import ascii_letters\n"
        "def test_l():\n    for c in ascii_letters:\n        assert c\n"
        "def found():\n    out = [1]\n    assert out, 'none'\n    return sorted(out)\n"
        "def test_m():\n    for x in found():\n        assert x\n"
        "T = {f: f for f in ('a', 'b')}\n"
        "def test_n():\n    for k in T:\n        assert k\n",
        encoding="utf-8",
    )
    found = unguarded_loops([bad])
    assert sorted(f.function for f in found) == [
        "test_a", "test_b", "test_c", "test_d", "test_e", "test_f", "test_g", "test_h", "test_h", "test_i"]
    assert unguarded_loops([good]) == []


def _offenders() -> Iterator[str]:
    for finding in unguarded_loops(sorted(TESTS.rglob("*.py"))):
        yield str(finding)


if __name__ == "__main__":
    lines = list(_offenders())
    print("\n".join(lines))
    print(f"{len(lines)} unguarded", file=sys.stderr)
    sys.exit(1 if lines else 0)
