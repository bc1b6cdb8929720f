"""Browsers count UTF-16 code units: an emoji before a span shifts every highlight after it."""

from __future__ import annotations

import pytest

from app.spans import utf16_offsets


def utf16_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's `text.slice(start, end)` returns."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_plain_text_offsets_are_code_points():
    assert utf16_offsets("Go team") == [0, 1, 2, 3, 4, 5, 6, 7]


def test_an_emoji_outside_the_basic_plane_takes_two_units():
    text = "🎉 Mia"
    offsets = utf16_offsets(text)
    assert offsets[1] == 2
    assert utf16_slice(text, offsets[2], offsets[5]) == "Mia"


@pytest.mark.parametrize(
    "prefix",
    ["é ", "— ", "🍎 ", "👩\u200d🏫 ", "🇺🇸 ", "#proudteacher 🎉🎉 "],
)
def test_a_span_after_any_prefix_selects_the_same_words_in_javascript(prefix):
    text = prefix + "Congrats Jayden Morales!"
    start = text.index("Jayden")
    end = start + len("Jayden Morales")
    offsets = utf16_offsets(text)
    assert utf16_slice(text, offsets[start], offsets[end]) == "Jayden Morales"
    assert offsets[-1] == len(text.encode("utf-16-le")) // 2


def test_a_real_finding_after_emoji_is_shifted_for_the_browser(client):
    plain = "This damn copier jammed for the fifth time today."
    with_emoji = "🎉🍎 " + plain
    before = client.post("/v1/check", json={"text": plain}).json()["findings"]
    after = client.post("/v1/check", json={"text": with_emoji}).json()["findings"]
    assert before, "the tone check flags profanity in this draft"
    word = next(f for f in before if f["span"]["end"] - f["span"]["start"] < len(plain))
    shifted = next(f for f in after if f["code"] == word["code"])
    assert shifted["span"]["start"] == word["span"]["start"] + 3
    assert shifted["span_utf16"]["start"] == word["span"]["start"] + 5
    assert shifted["span_utf16"]["end"] == word["span"]["end"] + 5
    u16 = shifted["span_utf16"]
    assert (
        utf16_slice(with_emoji, u16["start"], u16["end"])
        == with_emoji[shifted["span"]["start"] : shifted["span"]["end"]]
    )
