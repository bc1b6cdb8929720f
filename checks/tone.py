"""The `tone` check: hostile, insulting, threatening or obscene wording, and drafts written in anger.

The tone model scores every sentence of every draft in one call per batch. The embedded engine
reads the word vectors the semantic layer computes for the batch (`checks.semantic`), so the
encoder runs once per batch for every check that reads sentences. A sentence scoring over
`REPORT_FLOOR` on a label is then explained by occlusion: its most likely culprit words (at most
`MAX_OCCLUDED`, content words ranked by how offensive each reads on its own) are removed in turn,
all those variants of all flagged sentences scored in one more call, and the words whose removal
lowers the score most become the finding's span. A parent reads a post one sentence at a time;
the span shows which words hurt.

The model scores each sentence as a parent reads it (`ToneCheck.readable`): quotations the writer
calls out are the writer's "that" (`checks.tone_quotes`), and disguised spellings ("k1ll",
"s c u m") are written plainly (`checks.tone_normalise`). Spans are always taken on the draft.
What a parent would not read into a sentence is not reported (`_not_meant`): hostility the
sentence rules out (`checks.tone_negation`), a farewell read as a threat, an attack on a group in
a word or two.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from spacy.tokens import Doc, Span

from checks.analysis import Analysis
from checks.rule import Rule
from checks.semantic import Sentence, embed_batch, sentences
from checks.tone_negation import ruled_out
from checks.tone_normalise import Normaliser
from checks.tone_quotes import WORD, own_words
from checks.types import Draft, Finding, Fix, Level
from models.registry import Models
from models.spacy_pipeline import english_words
from models.tone import EmbeddedTone, ToneModel, word_offence

NAME = "tone"

REPORT_FLOOR = 0.3
"""Scores below this produce no finding (and cost no occlusion): a policy threshold under it has
no effect."""

SPAN_SHARE = 0.5
"""A word joins the span when removing it lowers the score by at least this share of the largest
drop."""

MAX_OCCLUDED = 4
"""Words removed in turn per flagged sentence: its content words (not stop words) that read most
offensive on their own. Each is one more text for the tone model to score."""

MIN_DROP = 0.15
"""If no single word's removal lowers the score by this much, the whole sentence carries the tone
and is the span."""

WHOLE_SENTENCE_LABELS = frozenset({"identity_attack"})
"""An attack on a group is the whole statement: occlusion would point at the group's name (remove
it and nobody is attacked), which is the one word that is not the problem."""

MIN_ATTACK_WORDS = 3
"""Fewer words than this are no statement about a group ("Gross?" after "we dissected owl
pellets"): the classifier's identity-attack score of a lone word or two is not reported."""

ANGER_LABELS = ("anger", "insult", "threat", "toxicity")

AFFECTION = frozenset(
    {"miss", "missed", "missing", "love", "loved", "hug", "hugs", "thank", "thanks", "welcome"}
    | {"remember", "celebrate", "cheer", "proud"}
)
"""Words of affection and farewell. The classifier reads "we will X you" as a threat whatever X
is; a threat or insult whose span holds only these ("We will miss you" at a retirement) is not
reported."""

AFFECTION_LABELS = frozenset({"threat", "insult"})

NEGATABLE_LABELS = frozenset({"insult", "threat", "identity_attack"})
"""Labels whose finding is dropped when the sentence rules out every hostile word of its span
("No child deserves to be hurt": `checks.tone_negation`). Profanity is profanity negated or not."""

TERMINAL = frozenset(".!?…:;)]\"'\u201d\u2019")
"""Characters a sentence the writer ended ends with."""


@dataclass(frozen=True, slots=True)
class LabelRule:
    label: str
    rule: Rule
    message: str
    fix_title: str


def _rule(code: str, name: str, level: Level, what: str, why: str, example: str) -> Rule:
    return Rule(
        code=code,
        check=NAME,
        name=name,
        level=level,
        threshold=0.5,
        what=what,
        why=why,
        example=example,
        tune=(
            f"Raise `[rules.{code}] threshold` (0 to 1, default 0.5) to flag only clearer cases, "
            f"lower it (not below {REPORT_FLOOR}) to flag more; set `level` to change how loud it "
            f'is, or `ignore = ["{code}"]` to turn it off. The score comes from the tone engine '
            "named in the report (`embedded` or `detoxify:<variant>`)."
        ),
    )


LABEL_RULES: tuple[LabelRule, ...] = (
    LabelRule(
        "toxicity",
        _rule(
            "TONE001",
            "hostile-wording",
            "warning",
            "Rude, disrespectful or hostile wording (Detoxify's `toxicity` label).",
            "A parent reading a hostile post from their child's teacher stops trusting that the "
            "classroom is calm and respectful; districts bar unprofessional and vulgar content "
            "(policy S6, S7).",
            "'Honestly, whoever planned this field trip has no clue what they are doing.'",
        ),
        "This wording reads as hostile.",
        "Remove the hostile words",
    ),
    LabelRule(
        "severe_toxicity",
        _rule(
            "TONE002",
            "severely-hostile-wording",
            "error",
            "Very hateful, aggressive or disrespectful wording (Detoxify's `severe_toxicity`).",
            "Wording this harsh, read by a parent, a student or a journalist, is the kind of post "
            "that ends up in front of the school board (policy S6, S9).",
            "'F*** every one of you, you worthless pieces of s***.'",
        ),
        "This wording reads as severely hostile.",
        "Remove the hostile words",
    ),
    LabelRule(
        "obscene",
        _rule(
            "TONE003",
            "profanity",
            "warning",
            "Swearing and vulgar words, even in a cheerful post.",
            "Teachers model language for children; a parent who sees profanity on a teacher's "
            "feed wonders what is said in class. Districts prohibit obscene and vulgar content "
            "(policy S6, S7).",
            "'Fucking proud of these kids today!' (praise such as 'our team killed it' stays clean)",
        ),
        "This is profanity.",
        "Remove the word",
    ),
    LabelRule(
        "threat",
        _rule(
            "TONE004",
            "threat",
            "error",
            "Wording that threatens or wishes harm on someone, even as a joke.",
            "A threat from a school employee, even a joking one, frightens families and can "
            "trigger a safety investigation; it is never protected as opinion (policy S6, S9).",
            "'One more email from that parent and I'll come to their house.'",
        ),
        "This reads as a threat of harm.",
        "Remove the threatening words",
    ),
    LabelRule(
        "insult",
        _rule(
            "TONE005",
            "insult",
            "warning",
            "Name-calling and insults aimed at a person or a group of people.",
            "A parent across the table hears 'these parents are morons' as being about them; "
            "districts prohibit derogatory and offensive comments about students, parents and "
            "colleagues (policy S3, S4).",
            "'Some of the parents at pickup are complete idiots.'",
        ),
        "This reads as an insult.",
        "Remove the insult",
    ),
    LabelRule(
        "identity_attack",
        _rule(
            "TONE006",
            "identity-attack",
            "error",
            "Negative or hateful statements about people because of who they are: race, religion, "
            "gender, sexuality, disability, origin.",
            "Every family in the district must be able to trust that their child is treated "
            "fairly; hate speech is prohibited outright and breaches anti-harassment duties "
            "(policy S6, S7).",
            "'Immigrant families are ruining our schools.' (neutral or positive mentions of a "
            "group, and posts that call hate out, stay clean)",
        ),
        "This reads as an attack on people for who they are.",
        "Remove the attacking words",
    ),
    LabelRule(
        "sexual_explicit",
        _rule(
            "TONE007",
            "sexual-language",
            "error",
            "Sexual references or explicit wording (Detoxify's `sexual_explicit`, in the "
            "`unbiased` and `multilingual` variants).",
            "Sexual content from someone who identifies as a district employee is prohibited, and "
            "a parent will not look past it (policy S1, S6).",
            "'That outfit at the staff party was hot, ha.'",
        ),
        "This reads as sexual language.",
        "Remove the sexual reference",
    ),
)

ANGER_RULE = _rule(
    "TONE008",
    "written-in-anger",
    "suggestion",
    "A draft that reads as written in anger or frustration, as a whole.",
    "Posts written in the heat of the moment are the ones teachers regret; district guidance is "
    "to wait until calm before posting (policy S8).",
    "'I am SO done with this district. Nobody listens, ever.'",
)

_BY_LABEL = {lr.label: lr for lr in LABEL_RULES}

CALMER = {
    "fucking": "really",
    "freaking": "really",
    "effing": "really",
    "damn": "really",
    "goddamn": "really",
    "bloody": "really",
    "shit": "stuff",
    "crap": "stuff",
    "bullshit": "nonsense",
    "hell": "heck",
    "pissed": "upset",
    "pissed off": "upset",
    "wtf": "what on earth",
    "fuck yeah": "yes",
    "fuck yes": "yes",
}
"""Calmer words for common profanity used as an intensifier; other spans are proposed removed."""


def rules() -> list[Rule]:
    return [lr.rule for lr in LABEL_RULES] + [ANGER_RULE]


@dataclass(frozen=True, slots=True)
class _Sentence:
    draft_index: int
    start: int
    end: int
    words: tuple[tuple[int, int], ...]
    """Character offsets (in the draft) of each word, punctuation and spaces left out."""
    content: tuple[bool, ...]
    """Per word: False for stop words ("the", "is", "of"), which occlusion never removes."""
    words_read: np.ndarray | None
    """The semantic layer's word vectors of text[start:end] (one row per word with word pieces),
    when it computed them and the model reads the sentence as written."""
    row_starts: np.ndarray | None
    """Where (in the draft) the word of each row of `words_read` starts."""


class ToneCheck:
    """Scores sentences with the tone model; spans come from occlusion over the flagged ones."""

    name = NAME

    def __init__(self, model: ToneModel, normalise: Callable[[str], str] | None = None) -> None:
        self.model = model
        self.engine = model.engine
        self.normalise = normalise or str
        """Rewrites disguised spellings ("k1ll", "s c u m") before scoring; spans stay on the
        draft as written."""
        self._embedded = (
            model if isinstance(model, EmbeddedTone) and model.encoder is not None else None
        )
        """Set when the engine reads word vectors: then it shares the semantic layer's."""

    def readable(self, sentence: str) -> str:
        """What the tone model scores: the writer's own words (`own_words`), normalised."""
        return self.normalise(own_words(sentence))

    def rules(self) -> list[Rule]:
        return rules()

    def run(self, draft: Draft, analysis: Analysis) -> Iterable[Finding]:
        return self.run_batch([draft], [analysis])[0]

    def run_batch(
        self, drafts: Sequence[Draft], analyses: Sequence[Analysis]
    ) -> list[list[Finding]]:
        if self._embedded is not None:
            embed_batch(analyses, self._embedded.encoder)
        written = [s for i, a in enumerate(analyses) for s in _sentences(i, a)]
        texts = [drafts[s.draft_index].text[s.start : s.end] for s in written]
        readable = [self.readable(t) for t in texts]
        # a sentence the model reads rewritten (a quotation, a disguised spelling) is encoded
        # anew: the semantic layer's word vectors are those of the words as written
        found = [
            s if r == t else replace(s, words_read=None, row_starts=None)
            for s, t, r in zip(written, texts, readable, strict=True)
        ]
        scores = self._score(readable, [s.words_read for s in found])
        flagged_at = [
            i
            for i, sc in enumerate(scores)
            if any(v >= REPORT_FLOOR for k, v in sc.items() if k in _BY_LABEL)
        ]
        flagged = [(found[i], scores[i]) for i in flagged_at]
        findings: list[list[Finding]] = [[] for _ in drafts]
        # each sentence's scores without the labels `_not_meant` drops: what the anger advice reads
        said = list(scores)
        for at, (sentence, base, drops) in zip(
            flagged_at, self._occlusion(drafts, flagged), strict=True
        ):
            text = drafts[sentence.draft_index].text
            for label, score in base.items():
                if label in _BY_LABEL and score >= REPORT_FLOOR:
                    start, end = (
                        (sentence.words[0][0], sentence.words[-1][1])
                        if label in WHOLE_SENTENCE_LABELS
                        else _span(sentence, {i: score - d.get(label, 0.0) for i, d in drops})
                    )
                    doc = analyses[sentence.draft_index].doc
                    if _not_meant(label, len(WORD.findall(readable[at])), doc, start, end):
                        said[at] = {**said[at], label: 0.0}
                        continue
                    findings[sentence.draft_index].append(
                        _finding(_BY_LABEL[label], text, start, end, score)
                    )
        for index, (draft, anger) in enumerate(
            zip(drafts, _anger_per_draft(len(drafts), found, said), strict=True)
        ):
            if anger >= REPORT_FLOOR:
                findings[index].append(_anger_finding(draft.text, anger))
        return findings

    def _variant_words(self, sentence: _Sentence, word: tuple[int, int]) -> np.ndarray | None:
        """The word vectors of `sentence` without `word`'s rows, when the engine read the
        sentence from the semantic layer's vectors (None otherwise: the variant is encoded).
        Occlusion then runs only the tone layers: they no longer see the word, though the
        encoder's lower layers did."""
        if self._embedded is None or sentence.words_read is None or sentence.row_starts is None:
            return None
        start, end = word
        keep = (sentence.row_starts < start) | (sentence.row_starts >= end)
        return sentence.words_read[keep]

    def _score(
        self, texts: Sequence[str], words: Sequence[np.ndarray | None]
    ) -> list[dict[str, float]]:
        if self._embedded is not None:
            return self._embedded.score(texts, words)
        return self.model.score(texts)

    def _occlusion(
        self, drafts: Sequence[Draft], flagged: Sequence[tuple[_Sentence, dict[str, float]]]
    ) -> list[tuple[_Sentence, dict[str, float], list[tuple[int, dict[str, float]]]]]:
        """Per flagged sentence: its scores, and the scores without each candidate word (by word
        index). A sentence reported only for labels whose span is the whole sentence needs no
        variant; one whose other label is profanity alone needs only the profanity score of its
        variants, which costs no sentence encoding; the others are scored in full, every variant
        of the batch in one call (`_variant_words`: most without the encoder)."""
        occluded = [_occluded_labels(base) for _, base in flagged]
        chosen = [
            words if labels else []
            for words, labels in zip(
                _candidates(drafts, [s for s, _ in flagged], self.normalise), occluded, strict=True
            )
        ]
        variants = [
            [self.readable(_without(drafts[s.draft_index].text, s, s.words[i])) for i in words]
            for (s, _), words in zip(flagged, chosen, strict=True)
        ]
        profanity_only = [
            self._embedded is not None and labels == {"obscene"} for labels in occluded
        ]
        full = [
            v
            for texts, only in zip(variants, profanity_only, strict=True)
            if not only
            for v in texts
        ]
        cheap = [
            v for texts, only in zip(variants, profanity_only, strict=True) if only for v in texts
        ]
        known = [
            self._variant_words(s, s.words[i])
            for (s, _), words, only in zip(flagged, chosen, profanity_only, strict=True)
            if not only
            for i in words
        ]
        scored_full = iter(self._score(full, known) if full else [])
        scored_cheap = iter(
            [{"obscene": p} for p in self._embedded.obscene(cheap)]
            if cheap and self._embedded is not None
            else []
        )
        return [
            (s, base, [(i, next(scored_cheap if only else scored_full)) for i in words])
            for (s, base), words, only in zip(flagged, chosen, profanity_only, strict=True)
        ]


def _not_meant(label: str, words: int, doc: Doc, start: int, end: int) -> bool:
    """A label the sentence scores that a parent would not read in it: an attack on a group in
    a word or two ("Gross?"; `words` counts the sentence as read, so "Ihate them" is three), a
    threat or insult whose culprit is a word of affection ("We will miss you"), or hostility the
    sentence rules out ("No child deserves to be hurt")."""
    if label in WHOLE_SENTENCE_LABELS and words < MIN_ATTACK_WORDS:
        return True
    culprit = set(WORD.findall(doc.text[start:end].casefold()))
    if label in AFFECTION_LABELS and culprit and culprit <= AFFECTION:
        return True
    return label in NEGATABLE_LABELS and ruled_out(doc, start, end)


def _occluded_labels(scores: dict[str, float]) -> set[str]:
    """The labels a sentence is reported for whose span occlusion finds (not the whole-sentence
    ones)."""
    reported = {k for k, v in scores.items() if k in _BY_LABEL and v >= REPORT_FLOOR}
    return reported - WHOLE_SENTENCE_LABELS


def _sentences(index: int, analysis: Analysis) -> list[_Sentence]:
    result = []
    for group in _whole_sentences(analysis):
        first, last = group[0], group[-1]
        words = _words(analysis.doc[first.token_start : last.token_end])
        if words:
            result.append(
                _Sentence(
                    draft_index=index,
                    start=first.start,
                    end=last.end,
                    words=tuple((start, end) for start, end, _ in words),
                    content=tuple(content for _, _, content in words),
                    **_read_words(analysis, first if len(group) == 1 else None),
                )
            )
    return result


def _read_words(analysis: Analysis, sentence: Sentence | None) -> dict[str, np.ndarray | None]:
    """The semantic layer's token vectors of `sentence` without the rows of tokens that have no
    word piece (spaces), which are the rows `models.tone_layers.word_vectors` gives a text the
    engine encodes, and where each row's token starts."""
    if sentence is None or sentence.token_vectors is None:
        return {"words_read": None, "row_starts": None}
    keep = np.any(sentence.token_vectors != 0, axis=1)
    tokens = analysis.doc[sentence.token_start : sentence.token_end]
    starts = np.array([token.idx for token in tokens])
    return {"words_read": sentence.token_vectors[keep], "row_starts": starts[keep]}


def _whole_sentences(analysis: Analysis) -> list[list[Sentence]]:
    """The parser's sentences, those it cut where the writer did not rejoined: a piece that does
    not end in terminal punctuation and is followed on the same line goes with the next one.
    Spelled-out words ("total i d i o t s") are cut letter by letter otherwise."""
    text = analysis.doc.text
    groups: list[list[Sentence]] = []
    for sentence in sentences(analysis):
        if groups and _continues(text, groups[-1][-1], sentence):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups


def _continues(text: str, previous: Sentence, sentence: Sentence) -> bool:
    return (
        text[previous.end - 1] not in TERMINAL and "\n" not in text[previous.end : sentence.start]
    )


def _words(span: Span) -> list[tuple[int, int, bool]]:
    """(start, end, is a content word) per word; a starred-out word ("F***", "sh*t") or one
    spelled with digits ("1d10t") that the tokenizer splits stays one word, so that removing it
    removes all of it."""
    words: list[tuple[int, int, bool]] = []
    for token in span:
        end = token.idx + len(token.text)
        previous = token.doc[token.i - 1] if token.i > 0 else None
        starred = token.text.strip("*") == "" or (previous is not None and previous.text[-1] == "*")
        glued = token.text.isalnum() and previous is not None and previous.text.isalnum()
        if (
            words
            and (starred or glued)
            and token.i > span.start
            and previous is not None
            and not previous.whitespace_
        ):
            words[-1] = (words[-1][0], end, True)
        elif not (token.is_space or token.is_punct):
            words.append((token.idx, end, not token.is_stop))
    return _join_spaced(words, span.doc.text)


def _join_spaced(words: list[tuple[int, int, bool]], text: str) -> list[tuple[int, int, bool]]:
    """Three or more single letters one space apart ("s c u m") are one word spelled out: removing
    one letter would leave the rest of it for the normaliser to read."""
    joined: list[tuple[int, int, bool]] = []
    run: list[tuple[int, int, bool]] = []
    for word in [*words, (-2, -2, False)]:
        start, end, _ = word
        if end - start == 1 and text[start].isalpha() and (not run or start == run[-1][1] + 1):
            run.append(word)
            continue
        joined.extend([(run[0][0], run[-1][1], True)] if len(run) >= 3 else run)
        run = [word] if end - start == 1 and text[start].isalpha() else []
        if not run and start >= 0:
            joined.append(word)
    return joined


def _candidates(
    drafts: Sequence[Draft], flagged: Sequence[_Sentence], normalise: Callable[[str], str]
) -> list[list[int]]:
    """Per sentence, the indices of the words occlusion removes: up to MAX_OCCLUDED content words
    (all words when it has none), the ones most offensive on their own (as normalised) first."""
    pools = [
        [i for i, c in enumerate(s.content) if c] or list(range(len(s.words))) for s in flagged
    ]
    words = [
        normalise(drafts[s.draft_index].text[s.words[i][0] : s.words[i][1]])
        for s, pool in zip(flagged, pools, strict=True)
        for i in pool
    ]
    prior = iter(word_offence(words))
    chosen = []
    for pool in pools:
        offence = {i: next(prior) for i in pool}
        chosen.append(sorted(sorted(pool, key=lambda i: -offence[i])[:MAX_OCCLUDED]))
    return chosen


def _without(text: str, sentence: _Sentence, word: tuple[int, int]) -> str:
    start, end = word
    return (text[sentence.start : start] + text[end : sentence.end]).strip()


def _span(sentence: _Sentence, drops: dict[int, float]) -> tuple[int, int]:
    """The word whose removal lowers the score most, grown over neighbouring words that matter
    too (across stop words: "piece of trash")."""
    best = max(drops, key=drops.__getitem__)
    if drops[best] < MIN_DROP:
        return sentence.words[0][0], sentence.words[-1][1]
    cutoff = drops[best] * SPAN_SHARE
    first = last = best
    while (left := _next_occluded(sentence, drops, first, -1)) is not None and (
        drops[left] >= cutoff
    ):
        first = left
    while (right := _next_occluded(sentence, drops, last, 1)) is not None and (
        drops[right] >= cutoff
    ):
        last = right
    return sentence.words[first][0], sentence.words[last][1]


def _next_occluded(
    sentence: _Sentence, drops: dict[int, float], index: int, step: int
) -> int | None:
    """The nearest occluded word from `index` in direction `step`, over stop words only."""
    index += step
    while 0 <= index < len(sentence.words):
        if index in drops:
            return index
        if sentence.content[index]:
            return None
        index += step
    return None


def _finding(label_rule: LabelRule, text: str, start: int, end: int, score: float) -> Finding:
    label = label_rule.label.replace("_", " ")
    calmer = CALMER.get(" ".join(text[start:end].casefold().split()))
    fix = (
        Fix(title=f"Use a milder word: '{calmer}'", replacement=calmer)
        if calmer and label_rule.label == "obscene"
        else Fix(title=label_rule.fix_title, replacement="")
    )
    return Finding(
        check=NAME,
        code=label_rule.rule.code,
        start=start,
        end=end,
        score=round(score, 4),
        message=label_rule.message,
        why=(f"The tone model scores these words {score:.2f} for '{label}'. {label_rule.rule.why}"),
        fix=fix,
    )


def _anger_per_draft(
    count: int, sentences: Sequence[_Sentence], scores: Sequence[dict[str, float]]
) -> list[float]:
    anger = [0.0] * count
    for sentence, sc in zip(sentences, scores, strict=True):
        value = max((sc.get(label, 0.0) for label in ANGER_LABELS), default=0.0)
        anger[sentence.draft_index] = max(anger[sentence.draft_index], value)
    return anger


def _anger_finding(text: str, score: float) -> Finding:
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return Finding(
        check=NAME,
        code=ANGER_RULE.code,
        start=start,
        end=end,
        score=round(score, 4),
        message="This draft reads as written in frustration. Consider waiting before posting.",
        why=(
            f"The tone model scores this draft {score:.2f} for anger or hostility. {ANGER_RULE.why}"
        ),
        fix=None,
    )


def build(models: Models) -> ToneCheck:
    if models.tone is None:
        raise RuntimeError(models.errors.get("tone", "no tone model loaded"))
    dictionary = english_words(models.nlp) | models.nlp.Defaults.stop_words
    return ToneCheck(models.tone, Normaliser(dictionary))
