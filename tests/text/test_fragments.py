"""Text-fragment links mark the quote and only it, where the browser looks first
(the text layer: no Django)."""

import json
from pathlib import Path

from claimtracker.text.fragments import Directive, directive_for, first_match, fragment_url

SEED = json.loads((Path(__file__).parents[2] / "fixtures" / "seed.json").read_text(encoding="utf-8"))
TEXTS = {row["pk"]: row["fields"]["text"] for row in SEED if row["model"] == "corpus.document"}
CLAIMS = {row["pk"]: row["fields"] for row in SEED if row["model"] == "corpus.claim"}


def seed_claim(pk):
    claim = CLAIMS[pk]
    return TEXTS[claim["document"]], claim["start"], claim["end"]


def test_two_seed_quotes_that_begin_alike_each_get_a_link_to_themselves():
    # Claims 32 and 39 of the white paper both begin "China maintains that all countries".
    first, second = seed_claim(32), seed_claim(39)
    assert first[0] == second[0]
    text = first[0]
    words = text[second[1] : second[2]].split()
    naive = Directive(" ".join(words[:5]), " ".join(words[-5:]))  # its first and last words only
    assert first_match(text, naive) == (first[1], second[2])  # from claim 32's sentence on
    assert directive_for(*first) == Directive(
        "China maintains that all countries", "cooperation in the Internet industry"
    )
    assert directive_for(*second) == Directive(
        "China maintains that all countries have equal rights in participating in the administration "
        "of the fundamental international resources of the Internet"
    )
    for text, start, end in (first, second):
        assert first_match(text, directive_for(text, start, end)) == (start, end)


def test_a_quote_that_occurs_twice_is_told_apart_by_the_words_around_it():
    text = "Reporter: Will it change? Miao Wei: Yes. Reporter: And the rules? Wen Ku: Yes. Thank you."
    start = text.rindex("Yes.")
    directive = directive_for(text, start, start + 3)
    assert directive == Directive("Yes", prefix="rules? Wen Ku:", suffix=". Thank you.")
    assert first_match(text, directive) == (start, start + 3)
    assert directive.encode() == "rules%3F%20Wen%20Ku%3A-,Yes,-.%20Thank%20you%2E"


def test_reserved_characters_are_escaped_and_an_old_fragment_is_replaced():
    text = "The opening-up, R&D and more."
    start = text.index("opening")
    url = fragment_url("https://example.org/page#top", text, start, start + len("opening-up, R&D"))
    assert url == "https://example.org/page#:~:text=opening%2Dup%2C%20R%26D"


def test_a_long_quote_is_named_by_its_first_and_last_five_words():
    text = "one two three four five six seven eight nine ten eleven twelve"
    assert fragment_url("https://e.org/", text, 0, len(text)) == (
        "https://e.org/#:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve"
    )
