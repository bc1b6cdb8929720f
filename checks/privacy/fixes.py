"""De-identified wording for a finding's span, built with presidio-anonymizer's `replace` operator.

Each fix's `replacement` replaces exactly `text[start:end]`, so the extension can apply it in one
click.
"""

from __future__ import annotations

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult
from spacy.tokens import Doc

from checks.types import Fix

DID_WELL_VERBS = frozenset({"pass", "ace", "crush", "nail", "finish", "complete", "retake"})
NOUN_LEFT = frozenset({"poss", "det", "amod", "compound", "nummod"})
ABOUT = frozenset({"about", "regarding", "over"})
"""Prepositions whose phrase can go alone ("called me about his IEP again" -> "called me
again"); after others the verb needs it ("going through a divorce", "struggling with ADHD")."""

_ENGINE = AnonymizerEngine()


def _replace(span_text: str, new_value: str) -> str:
    """Presidio's `replace` operator over the whole span."""
    result = _ENGINE.anonymize(
        text=span_text,
        analyzer_results=[RecognizerResult("SPAN", 0, len(span_text), 1.0)],
        operators={"SPAN": OperatorConfig("replace", {"new_value": new_value})},
    )
    return result.text


COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def name_fix(text: str, start: int, end: int, count: int = 1) -> Fix:
    """ "Marcus Delgado" -> "one of my students"; "Marcus's" -> "my student's"; `count` names
    listed together, "Aiden, Mia and Noah Thompson" -> "three of my students" ("Aiden and Mia's"
    -> "two of my students'"); capitalised at the start of a sentence."""
    span_text = text[start:end]
    possessive = span_text.endswith(("'s", "\u2019s"))
    if count == 1:
        wording = "my student's" if possessive else "one of my students"
    else:
        number = COUNT_WORDS[count - 1] if count <= len(COUNT_WORDS) else str(count)
        wording = f"{number} of my students" + ("'" if possessive else "")
    if _starts_sentence(text, start):
        wording = wording[0].upper() + wording[1:]
    title = "Leave the name out" if count == 1 else "Leave the names out"
    return Fix(title=title, replacement=_replace(span_text, wording))


def removal_fix(title: str) -> Fix:
    """Remove the detail; the finding's span includes one neighbouring space when there is one."""
    return Fix(title=title, replacement="")


def widen_for_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """Include the space before a phrase, so removing it leaves no double space."""
    if start > 0 and text[start - 1] == " ":
        return start - 1, end
    if end < len(text) and text[end] == " ":
        return start, end + 1
    return start, end


CONTACT_LEAD_INS = ("at", "on", "to", ":")


def contact_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """The contact detail with the word that leads into it: "email her dad at x@y.org." becomes
    "email her dad.", not "email her dad at."."""
    before = text[:start].rstrip()
    for lead in CONTACT_LEAD_INS:
        rest = before[: -len(lead)]
        if before.endswith(lead) and (lead == ":" or rest.endswith(" ")):
            start = len(rest)
            break
    return widen_for_removal(text, start, end)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\n"


def record_rewrite(doc: Doc, token_start: int, token_end: int) -> tuple[int, int, str, str]:
    """What to replace so the private detail goes and the draft still reads well:
    "finally passed his retake" -> "finally did great"; "called me about his IEP again" ->
    "called me again"; any other detail ("was suspended", "has ADHD") takes its sentence with it,
    since cutting the words alone leaves a broken sentence. Returns (start, end, replacement,
    fix title); removals include one neighbouring space."""
    phrase = doc[token_start:token_end]
    root = phrase.root
    left = token_start
    while left > 0 and doc[left - 1].dep_ in NOUN_LEFT and doc[left - 1].head.i >= token_start:
        left -= 1
    head = root.head
    if root.dep_ == "dobj" and head.tag_ == "VBD" and head.lemma_ in DID_WELL_VERBS:
        return head.idx, phrase.end_char, "did great", "Say they did great, without the detail"
    verb = head.head
    if (
        root.dep_ == "pobj"
        and head.lower_ in ABOUT
        and head.i == left - 1
        and verb.pos_ == "VERB"
        and verb.lemma_ != "be"
    ):
        start, end = widen_for_removal(doc.text, head.idx, phrase.end_char)
        return start, end, "", "Leave the private detail out"
    sentence = phrase.sent
    start, end = widen_for_removal(doc.text, sentence.start_char, sentence.end_char)
    return start, end, "", "Leave out the sentence with the private detail"
