"""Hostility the writer rules out: "No child deserves to be hurt", "Kids are not stupid for
making mistakes", "I will not let anyone hurt my students".

The tone layers read word order but not always the reach of a "not": "No student ought to be
punished" can score as a threat on "punished". Anti-bullying posts are full of such sentences, so
an insult, threat or identity-attack finding is dropped when every hostile word in its span (a
word of `checks.tone_lexicon` HOSTILITY or INSULTS, by its lemma) is negated: the word, or a verb
it hangs from in its clause, has "not" or "never", or a "no" determiner, or a subject that is
"nobody" or quantified by "no" ("no child", "no one").

What a negation does not rule out, because it asserts the hostility instead:
- a question ("Isn't it obvious that they are disgusting?");
- a comparison ("No one else is as filthy as ...", "no better than rats");
- a negation inside what someone is said to believe ("thinking I won't hurt them");
- a negated verb of thinking or saying over its complement ("Do people not realise they are
  stupid?"), and a verb over a preposition's object ("can't stop being revolting").
Profanity and slurs are never ruled out: "not fucking around" is still profanity.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from checks.tone_lexicon import HOSTILITY, INSULTS

HOSTILE_WORDS = frozenset((*HOSTILITY, *INSULTS))

NEGATIVE_WORDS = frozenset({"nobody", "none", "noone", "nothing", "neither"})
"""Subjects that rule out whatever their clause says ("Nobody should be hurt")."""

CLIMB = frozenset({"xcomp", "advcl", "dobj", "acomp", "attr", "oprd", "amod"})
"""Dependencies through which a negation reaches a word from the verb above it: "No woman ought
to be executed" (xcomp), "We should not allow for anyone to be hurt" (advcl), "will never
tolerate the murder of" (dobj)."""

SUBJECTS = frozenset({"nsubj", "nsubjpass"})

COMPARISON = frozenset({"as", "than"})

BELIEF_VERBS = frozenset({"think", "believe", "expect", "assume", "imagine", "suppose", "guess"})
"""Verbs whose complement is what someone believes, not what the writer says."""


def ruled_out(doc: Doc, start: int, end: int) -> bool:
    """Whether the span doc.text[start:end] holds hostile words and the sentence negates each."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or "?" in doc[span.end - 1].sent.text:
        return False
    hostile = [t for t in span if t.lower_ in HOSTILE_WORDS or t.lemma_.lower() in HOSTILE_WORDS]
    return bool(hostile) and all(_negated(t) for t in hostile)


def _negated(token: Token) -> bool:
    if any(child.lower_ in COMPARISON or child.tag_ in ("JJR", "JJS") for child in token.children):
        return False
    node = token
    while True:
        if any(_negates(child) for child in node.children):
            return not _believed(node)
        if node.dep_ not in CLIMB or node.head is node:
            return False
        node = node.head


def _negates(child: Token) -> bool:
    """A child that rules its head out: "not", "never", a "no" determiner, or a subject that is
    "nobody" or quantified by "no"."""
    if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
        return True
    if child.dep_ in SUBJECTS:
        return child.lower_ in NEGATIVE_WORDS or any(
            c.dep_ == "det" and c.lower_ == "no" for c in child.children
        )
    return False


def _believed(clause: Token) -> bool:
    return clause.dep_ in ("ccomp", "advcl") and clause.head.lemma_ in BELIEF_VERBS
