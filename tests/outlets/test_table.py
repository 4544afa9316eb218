"""The outlet table: bundled datasets looked up by domain and by name, every claim attributed."""

from __future__ import annotations

import gzip
import time

import pytest

from checks.outlets.table import (
    CRED1,
    IDIAP,
    STATE_MEDIA,
    WIKIPEDIA,
    OutletRecord,
    OutletTable,
    Rating,
    default_table,
    describe_lookup,
    load_table,
)

CRED1_SCALE = "(from 0, low, to 1, high)"
IDIAP_SCALE = "(from -1, low, to 1, high)"


@pytest.fixture(scope="module")
def table() -> OutletTable:
    return default_table()


def claims(record: OutletRecord | None, dataset: str) -> list[str]:
    return [r.claim for r in ratings(record, dataset)]


def ratings(record: OutletRecord | None, dataset: str) -> list[Rating]:
    assert record is not None
    return [r for r in record.ratings if r.dataset == dataset]


def test_globalresearch_by_domain_normalises_www_and_paths(table: OutletTable) -> None:
    record = table.by_domain("https://www.globalresearch.ca/belgorod-attack/5820000")
    assert claims(record, WIKIPEDIA.name) == ["Blacklisted; Generally unreliable"]
    assert claims(record, CRED1.name) == [
        f"category conspiracy, credibility score 0.095 {CRED1_SCALE}"
    ]
    assert record is not None
    assert record.domains[0] == "globalresearch.ca"
    assert "Global Research" in record.names


def test_every_rating_names_dataset_date_and_licence(table: OutletTable) -> None:
    for query in ("globalresearch.ca", "rt.com", "bbc.co.uk", "tass.ru"):
        record = table.by_domain(query)
        assert record is not None
        for rating in record.ratings:
            assert rating.dataset
            assert rating.dataset_date
            assert rating.licence
            assert rating.row_ref
            assert rating.as_dict()["licence"] == rating.licence


@pytest.mark.parametrize(
    ("query", "domain", "claim"),
    [
        ("Global Research", "globalresearch.ca", "Blacklisted; Generally unreliable"),
        ("global  research", "globalresearch.ca", "Blacklisted; Generally unreliable"),
        ("Sputnik", "sputniknews.com", "Deprecated"),
        ("RT", "rt.com", "Deprecated"),
        ("Russia Today", "rt.com", "Deprecated"),
        ("TASS", "tass.com", "No consensus"),
        ("ТАСС", "tass.com", "No consensus"),
        ("Reuters", "reuters.com", "Generally reliable"),
        ("The New York Times", "nytimes.com", "Generally reliable"),
    ],
)
def test_by_name_exact_names_and_aliases(
    table: OutletTable, query: str, domain: str, claim: str
) -> None:
    record = table.by_name(query)
    assert record is not None
    assert domain in record.domains
    assert claim in claims(record, WIKIPEDIA.name)


def test_by_name_ignores_case_and_diacritics(table: OutletTable) -> None:
    record = table.by_name("rt espanol")
    assert record is not None
    assert "RT Español" in record.names
    assert any(
        c.startswith("state-controlled media (SC), Russia")
        for c in claims(record, STATE_MEDIA.name)
    )


def test_by_name_is_exact_not_a_substring_search(table: OutletTable) -> None:
    assert table.by_name("Research") is None
    assert table.by_name("Global") is None


def test_state_media_typology_is_spelled_out(table: OutletTable) -> None:
    rt = table.by_domain("www.rt.com")
    assert "state-controlled media (SC), Russia; company: RT" in claims(rt, STATE_MEDIA.name)
    assert all(r.flagged for r in ratings(rt, STATE_MEDIA.name))
    bbc = table.by_domain("bbc.co.uk")
    state = ratings(bbc, STATE_MEDIA.name)
    assert state
    assert state[0].claim.startswith("independent public media (IP)")
    assert not state[0].flagged


def test_sibling_hosts_of_one_outlet_share_ratings(table: OutletTable) -> None:
    # Wikipedia lists TASS under tass.com; the State Media rows tie tass.ru to it.
    record = table.by_domain("https://tass.ru/moskva/8836033")
    assert "No consensus" in claims(record, WIKIPEDIA.name)
    assert claims(record, CRED1.name) == [
        f"category unreliable, credibility score 0.105 {CRED1_SCALE}"
    ]


def test_subdomain_rows_for_a_registered_domain_say_which_host(table: OutletTable) -> None:
    record = table.by_domain("sputniknews.com")
    assert claims(record, CRED1.name) == [f"category mixed, credibility score 0.145 {CRED1_SCALE}"]
    french = table.by_domain("fr.sputniknews.com")
    assert claims(french, CRED1.name) == [
        f"category unreliable, credibility score 0.075 {CRED1_SCALE}"
    ]


def test_blog_platform_subdomains_are_not_lumped_together(table: OutletTable) -> None:
    record = table.by_domain("https://someone.blogspot.com/2020/01/post.html")
    assert record is not None
    assert claims(record, CRED1.name) == []  # CRED-1 lists other blogs, not this one
    assert claims(record, WIKIPEDIA.name) == ["Generally unreliable"]  # Blogger (blogspot.com)


def test_wikipedia_reference_links_are_not_outlet_domains(table: OutletTable) -> None:
    # The Amazon row lists nasdaq.com/symbol/amzn; The Needle Drop lists youtube.com channels.
    nasdaq = table.by_domain("nasdaq.com")
    assert nasdaq is None or claims(nasdaq, WIKIPEDIA.name) == []
    youtube = table.by_domain("youtube.com")
    assert youtube is not None
    assert youtube.names == ("YouTube",)


def test_wikipedia_qualifiers_stay_with_the_status(table: OutletTable) -> None:
    fox = claims(table.by_domain("foxnews.com"), WIKIPEDIA.name)
    assert "Generally unreliable (talk shows)" in fox
    assert "Generally reliable (news excluding politics and science)" in fox


def test_model_estimate_is_labelled_as_such(table: OutletTable) -> None:
    record = table.by_domain("reuters.com")
    estimates = ratings(record, IDIAP.name)
    assert len(estimates) == 1
    assert estimates[0].estimate
    assert not estimates[0].flagged
    assert estimates[0].claim == f"a model estimates its reliability at 1.00 {IDIAP_SCALE}"
    assert "not an editorial rating" in estimates[0].detail


def test_low_model_estimate_is_flagged_but_marked_estimate() -> None:
    scores = b'{"example-news.com": {"p-reliability": -0.7, "p+fp-average": -0.82}}'
    table = OutletTable([], gzip.compress(scores))
    record = table.by_domain("www.example-news.com")
    assert record is not None
    (rating,) = record.ratings
    assert rating.claim == f"a model estimates its reliability at -0.82 {IDIAP_SCALE}"
    assert rating.flagged
    assert rating.estimate
    assert table.by_domain("other-news.com") is None


def test_unlisted_outlet_is_not_rated_not_fine(table: OutletTable) -> None:
    assert table.by_domain("infobrics.org") is None
    text = describe_lookup(table, "infobrics.org")
    assert "not rated in any bundled dataset" in text
    assert "reliable" not in text.replace("reliability", "")
    assert "fine" not in text


def test_describe_lookup_one_line_per_claim_with_source(table: OutletTable) -> None:
    lines = describe_lookup(table, "Global Research").splitlines()
    assert lines[0].startswith("Global Research")
    assert "globalresearch.ca" in lines[0]
    body = lines[1:]
    assert any(
        "Wikipedia perennial sources (2021-03-17, CC BY-SA 3.0): Blacklisted" in line
        for line in body
    )
    assert any("CRED-1 (2026-08-04, CC BY 4.0): category conspiracy" in line for line in body)
    assert any(
        "a model estimates its reliability" in line and "Apache-2.0" in line for line in body
    )


def test_default_table_is_built_once() -> None:
    assert default_table() is default_table()


def test_table_loads_fast() -> None:
    started = time.perf_counter()
    fresh = load_table()
    fresh.by_domain("globalresearch.ca")  # the first domain look-up unpacks the estimates
    elapsed = time.perf_counter() - started
    assert len(fresh) > 4000
    assert elapsed < 0.5, f"outlet table took {elapsed * 1000:.0f} ms (target < 150 ms)"


def test_cyrillic_names_are_found_by_their_latin_spelling(table: OutletTable) -> None:
    record = table.by_name("РИА Новости")
    assert record is not None
    assert "RIA Novosti" in record.names
    assert "ria.ru" in record.domains
    assert table.by_name("Дороги Подмосковья") is None
