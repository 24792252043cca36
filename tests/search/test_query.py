"""Web-search syntax parsing and the metrics of the evaluation."""

from __future__ import annotations

from search.evaluation import RankedItem, ranking_score
from search.query import query_clean, query_parse, tsquery_literal, websearch_text


def test_parse_operators():
    parsed = query_parse('"plan local" urbanisme OR PLU -zone urba*')
    assert parsed.required == [["plan local"], ["urbanisme", "PLU"]]
    assert parsed.excluded == ["zone"]
    assert parsed.prefixes == ["urba"]
    assert parsed.has_operators
    assert websearch_text(parsed) == '"plan local" urbanisme OR PLU -zone'


def test_parse_never_fails_on_broken_syntax():
    for text in ['"', '"unbalanced quote', "OR", "- -", "OR OR a", "*", "a OR", "\x00\x01", "x" * 20_000]:
        parsed = query_parse(text)
        assert len(parsed.text) <= 1000
        assert "\x00" not in websearch_text(parsed)
    assert query_parse('"unbalanced quote').required == [["unbalanced quote"]]
    assert query_parse("OR piscine").required == [["piscine"]]


def test_clean_removes_controls_and_normalises_quotes():
    assert query_clean("l’école\x00 \ue000«piscine»") == "l'école \"piscine\""


def test_tsquery_literal_quotes_everything():
    assert tsquery_literal(["a'b", "c\\d"]) == "'a''b' | 'c\\\\d'"
    assert tsquery_literal(["urba"], prefix=True) == "'urba':*"


def test_ranking_score_counts_each_relevant_entry_once():
    relevant = [{"document": "a.pdf", "pages": [3, 4]}, {"document": "b.pdf", "pages": [1]}]
    items = [
        RankedItem("c.pdf", 3, 3, 1, 1.0),
        RankedItem("a.pdf", 4, 5, 2, 0.9),
        RankedItem("a.pdf", 3, 3, 3, 0.8),  # same entry again: no new gain
        RankedItem("b.pdf", 2, 2, 4, 0.7),  # right document, wrong page
    ]
    scores = ranking_score(items=items, relevant=relevant)
    assert scores["recall@1"] == 0.0
    assert scores["recall@5"] == 0.5
    assert scores["mrr@10"] == 0.5
    ideal = 1 + 1 / 1.5849625007211563
    assert abs(scores["ndcg@10"] - (1 / 1.5849625007211563) / ideal) < 1e-9


def test_embedding_reads_the_content_words():
    from search.query import semantic_query_text

    text = "À Chéméré, les cabanes de jardin sont-elles exonérées de la taxe d'aménagement en 2014 ?"
    assert semantic_query_text(text) == "Chéméré cabanes jardin sont-elles exonérées taxe aménagement 2014"
    # Signs that carry meaning stay; a query of function words only is kept whole.
    assert semantic_query_text("Combien coûte l'entrée (en €) ?") == "Combien coûte entrée ( € )"
    assert semantic_query_text("de la") == "de la"
