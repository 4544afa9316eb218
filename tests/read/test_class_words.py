"""class_words.value_tests: one search over all class and id values, the answer of each."""

from __future__ import annotations

import re

import lxml.html

from checks.read import class_words

_PAGE = """<html><body>
<div class="site-Footer">a</div><div id="DISCLAIMER">b</div><p class="diſclaimer">c</p>
<span class="text
footer">d</span><b class="plain">e</b><i class="">f</i><div class="rows">g</div>
</body></html>"""


def _each(root: lxml.html.HtmlElement, pattern: re.Pattern[str], lead: str) -> dict[str, bool]:
    return {v: pattern.search(lead + v) is not None for v in class_words.values(root)}


def test_value_tests_answer_as_a_search_of_each_value() -> None:
    root = lxml.html.document_fromstring(_PAGE)
    for pattern, lead in (
        (re.compile(r"footer|disclaimer", re.I), ""),
        (re.compile(r"\s(?:footer|disclaimer)", re.I), " "),
        (re.compile(r"rows?\b"), ""),
    ):
        assert class_words.value_tests(root, pattern, lead) == _each(root, pattern, lead)


def test_value_tests_find_what_case_folding_matches_beyond_lower() -> None:
    root = lxml.html.document_fromstring(_PAGE)
    tests = class_words.value_tests(root, re.compile("disclaimer", re.I))
    # "ſ" matches "s" under IGNORECASE, though "ſ".lower() is "ſ".
    assert tests["diſclaimer"] is True
    assert tests["DISCLAIMER"] is True
    assert tests["plain"] is False
    assert "unseen" not in tests
