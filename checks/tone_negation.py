"""Hostility the writer rules out: "No child deserves to be hurt", "Kids are not stupid for
making mistakes", "I will not let anyone hurt my students".

The tone layers read word order but not always the reach of a "not": "No student ought to be
punished" can score as a threat on "punished". Anti-bullying posts are full of such sentences, so
an insult, threat or identity-attack finding is dropped when every hostile word in its span (a
word of `checks.tone_lexicon` HOSTILITY or INSULTS, by its lemma) is negated: the word, or a verb
it hangs from in its clause, has "not" or "never", or a "no" determiner, or a subject that is
"nobody" or quantified by "no" ("no child", "no one"); or the word is what something is "the
opposite of" ("my students are the opposite of lazy").

What a negation does not rule out, because it asserts the hostility instead:
- a question ("Isn't it obvious that they are disgusting?");
- a comparison ("No one else is as filthy as ...", "no better than rats");
- a negation inside what someone is said to believe ("thinking I won't hurt them");
- a negated verb of thinking over its complement ("I don't think they're stupid, I know it"),
  a negated verb of saying unless the writer denies having said it ("I'm not saying they are
  idiots, but..."; "I never said they were idiots" is ruled out), and a verb over a
  preposition's object ("can't stop being revolting").
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
tolerate the murder of" (dobj, for words of harm only: see `_harm`)."""

SUBJECTS = frozenset({"nsubj", "nsubjpass"})

COMPARISON = frozenset({"as", "than"})

SAYING_VERBS = frozenset({"say", "claim", "write", "call", "suggest", "mean"})

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
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "opposite":
        return True
    climb = CLIMB if _harm(token) else CLIMB - {"dobj"}
    node = token
    while True:
        if any(_negates(child) for child in node.children):
            return not _believed(node)
        if (node.dep_ not in climb and not _denied(node)) or node.head is node:
            return False
        node = node.head


def _harm(token: Token) -> bool:
    """A word of violence or hatred, which a negated verb over it rules out ("never tolerate the
    murder of"); an insult stays one as that verb's object ("never forgive those idiots")."""
    return token.lower_ in HOSTILITY or token.lemma_.lower() in HOSTILITY


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


def _denied(clause: Token) -> bool:
    """A clause the writer says they never said: "I never said the parents were idiots" (a
    past-tense verb of saying with "I" or "we" as its subject; "I'm not saying they are idiots,
    but..." insinuates instead, and stays)."""
    verb = clause.head
    return (
        clause.dep_ == "ccomp"
        and verb.lemma_ in SAYING_VERBS
        and verb.tag_ in ("VBD", "VBN")
        and any(c.dep_ in SUBJECTS and c.lower_ in ("i", "we") for c in verb.children)
    )


def _believed(clause: Token) -> bool:
    return clause.dep_ in ("ccomp", "advcl") and clause.head.lemma_ in BELIEF_VERBS
