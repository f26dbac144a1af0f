"""Pages of the canned queries (``rcmkg query --limit/--page``, ``/query/NAME?page=``): every page
joined in order is the whole answer, and a page is the same whether the keys are bound as VALUES
(:func:`run_page`) or the query is cut in its own text (:meth:`StoredQuery.paged`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rcmkg.cli import cli
from rcmkg.errors import UsageError
from rcmkg.sparql.catalogue import bind, load_queries, run_page, run_query
from rcmkg.store.load import open_data

QUERIES = load_queries()
ITEM = {"item": "work-plan-migrant-smuggling"}


@pytest.fixture(scope="module")
def data(converted: Path):
    store = open_data([converted])
    yield store
    store.close()


def _params(name: str) -> dict[str, str]:
    return ITEM if name == "trace" else {}


@pytest.mark.parametrize("name", sorted(QUERIES))
@pytest.mark.parametrize("limit", [1, 2, 7])
def test_pages_in_order_make_the_whole_answer(data, name: str, limit: int):
    whole = run_query(data, name, _params(name))
    assert whole.rows, f"{name} found nothing in the samples"
    rows, page = [], 1
    while True:
        p = run_page(data, QUERIES[name], _params(name), limit=limit, page=page)
        assert p.result.vars == whole.vars
        rows.extend(p.result.rows)
        if not p.has_next:
            break
        # a page counts keys (meetings), so a meeting with no rows makes a short or empty page
        if QUERIES[name].page_key and "meeting" in p.result.vars:
            assert len({r["meeting"].value for r in p.result.rows}) <= limit
        page += 1
        assert page < 500
    assert rows == whole.rows


@pytest.mark.parametrize("name", sorted(n for n, q in QUERIES.items() if q.page_key and n != "trace"))
def test_a_page_cut_in_the_text_has_the_same_rows(data, name: str):
    # (trace's driver reads its item, so cut in the text it pages rows: checked by the server test)
    for page in (1, 2):
        by_keys = run_page(data, QUERIES[name], _params(name), limit=2, page=page).result
        in_text = data.query(bind(QUERIES[name].paged(2, page, list(_params(name))), _params(name)))
        assert sorted(map(str, in_text.rows)) == sorted(map(str, by_keys.rows)), (name, page)


def test_per_meeting_queries_page_meetings(data):
    first = run_page(data, QUERIES["agreements"], {}, limit=1, page=1)
    meetings = {r["meeting"].value for r in first.result.rows}
    assert len(meetings) == 1 and first.has_next
    assert len(first.result.rows) > 1  # all the agreements of that one meeting


def test_bad_pages_are_usage_errors(data):
    with pytest.raises(UsageError):
        run_page(data, QUERIES["meetings"], {}, limit=0)
    with pytest.raises(UsageError):
        run_query(data, "meetings", {}, limit=1, page=0)


def test_cli_limit_and_page(runner, converted: Path):
    whole = runner.invoke(cli, ["query", "meetings", "--data", str(converted), "-f", "csv"])
    assert whole.exit_code == 0, whole.output
    pages = []
    for n in range(1, 20):
        r = runner.invoke(cli, ["query", "meetings", "--data", str(converted), "-f", "csv", "--limit", "2",
                                "--page", str(n)])
        assert r.exit_code == 0, r.output
        body = r.output.splitlines()[1:]
        if not body:
            break
        pages.extend(body)
    assert pages == whole.output.splitlines()[1:] and len(pages) >= 3
    bad = runner.invoke(cli, ["query", "meetings", "--data", str(converted), "--page", "2"])
    assert bad.exit_code != 0 and "--limit" in bad.output


@pytest.mark.parametrize("query", [
    "SELECT ?m ?date WHERE { ?m a rcm:Meeting ; schema:startDate ?date } ORDER BY ?date ?m",
    "CONSTRUCT { ?m schema:startDate ?date } WHERE { ?m a rcm:Meeting ; schema:startDate ?date }",
    "ASK { ?m a rcm:Meeting }",
    # unbound cells, literals with a language and a datatype
    "SELECT ?m ?label ?nothing WHERE { ?m a rcm:Meeting ; rdfs:label ?label OPTIONAL { ?m rcm:noSuchProperty ?nothing } } "
    "ORDER BY ?m ?label",
])
@pytest.mark.parametrize("limit", [1, 3, 10000])
def test_one_evaluation_answers_as_each_format_would(data, query: str, limit: int):
    # The site publishes each canned query in five formats from one evaluation (execute_formats):
    # each answer must be the one execute() gives for that format, truncation included.
    from rcmkg.publish.endpoint import QueryRequest, execute, execute_formats

    keys = ("json", "csv", "tsv", "xml", "html") if not query.startswith("CONSTRUCT") else ("ttl", "nt", "jsonld", "html")
    answers = execute_formats(data.ox, QueryRequest(query, limit=limit), keys)
    assert list(answers) == list(keys)
    assert answers["html"].count >= 1  # rows to compare (the samples have meetings)
    for key in keys:
        alone = execute(data.ox, QueryRequest(query, format=key, limit=limit))
        got = answers[key]
        assert (got.form, got.format, got.content_type, got.body, got.variables, got.rows, got.boolean, got.count,
                got.truncated) == (alone.form, alone.format, alone.content_type, alone.body, alone.variables, alone.rows,
                                   alone.boolean, alone.count, alone.truncated), key
    if limit == 1 and not query.startswith("ASK"):
        assert answers["html"].truncated and answers["html"].count == 1


@pytest.mark.parametrize("answer_limit", [1, 60, 10 ** 9])
def test_one_evaluation_keeps_the_answer_size_limit(data, answer_limit: int):
    # The byte limit holds for the five formats as for one: over it, both refuse; under it, both answer.
    from rcmkg.publish.endpoint import AnswerTooLarge, QueryRequest, execute, execute_formats

    query = "SELECT ?m ?date WHERE { ?m a rcm:Meeting ; schema:startDate ?date } ORDER BY ?date ?m"
    keys = ("json", "csv", "html")
    outcomes = []
    for run in (lambda: execute_formats(data.ox, QueryRequest(query, limit=3, answer_limit=answer_limit), keys),
                lambda: {k: execute(data.ox, QueryRequest(query, format=k, limit=3, answer_limit=answer_limit))
                         for k in keys}):
        try:
            got = run()
            outcomes.append({k: (a.body, a.rows, a.count) for k, a in got.items()})
        except AnswerTooLarge as exc:
            outcomes.append(str(exc))
    assert outcomes[0] == outcomes[1]
    assert isinstance(outcomes[0], str) == (answer_limit < 10 ** 9)
