"""Offsets for browsers: JavaScript strings count UTF-16 code units, Python counts code points."""

from __future__ import annotations


def utf16_offsets(text: str) -> list[int]:
    """`offsets[i]` is the UTF-16 offset of code point `i`; one extra entry for the end."""
    offsets = [0] * (len(text) + 1)
    position = 0
    for index, char in enumerate(text):
        offsets[index] = position
        position += 2 if ord(char) > 0xFFFF else 1
    offsets[len(text)] = position
    return offsets
