"""Tone models: each scores texts per label (obscene, insult, threat, ...) in [0, 1].

Two engines behind one interface, chosen by the `tone_engine` setting:
- `embedded` (always offline): alt-profanity-check for obscenity, plus all-MiniLM-L6-v2's last
  layers fine-tuned over its word vectors (`models.tone_layers`) for insult, threat, identity
  attack and anger;
- `detoxify:<variant>`: Detoxify from a local checkpoint (`models.detoxify_engine`).
`auto` uses Detoxify when a checkpoint is configured and loads, the embedded engine otherwise.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np
import spacy
from spacy.tokenizer import Tokenizer

from models.detoxify_variants import variant
from models.encoder import SentenceEncoder
from models.settings import ModelSettings
from models.spacy_pipeline import with_speaker_infixes
from models.tone_layers import CLEAN, ToneLayers, load_layers, word_vectors

log = logging.getLogger(__name__)

HOSTILE_LABELS = (
    "toxicity",
    "severe_toxicity",
    "obscene",
    "threat",
    "insult",
    "identity_attack",
    "sexual_explicit",
)
"""Labels whose score says a text is offensive; `anger` is advice, not offence."""


POOLED_LABELS = ("insult", "threat", "identity_attack")
"""The classifier's offensive classes, whose probabilities `pool_offensive` adds up."""


NOT_PROFANITY = frozenset(
    {
        # names for groups of people: alt-profanity-check scores several of them as profane on
        # their own ("gay" 0.98, "homosexual" 0.96, "white" 0.70, "blacks" 0.69, "jew" 0.56),
        # which would flag every neutral or positive identity mention
        *("gay", "gays", "homosexual", "homosexuals", "lesbian", "lesbians", "queer", "bisexual"),
        *("transgender", "trans", "black", "blacks", "white", "whites", "jew", "jews", "jewish"),
        # hostile or violent but not vulgar: the insult, threat and identity-attack labels judge
        # them in context ("kill the lights", "I hate Mondays", "sick moves")
        *("hate", "hates", "hating", "hated", "kill", "kills", "killed", "killing", "die"),
        *("destroy", "shoot", "rape", "sick", "insane", "bombed"),
        # harsh but not vulgar: the same labels judge them, so that calling hate "disgusting"
        # or "racist" is not profanity
        *("disgust", "disgusting", "pathetic", "horrible", "cruel", "violent", "filthy", "worst"),
        *("worthless", "garbage", "ignorant", "bigoted", "racist", "nazis", "cancer", "jail"),
        *("utter", "mouth", "smoke", "liberals"),
        # everyday words of a school day that alone score as profane
        *("sex", "sexual", "naked", "poop", "pee", "balls", "heck"),
    }
)
"""Words that never make a sentence obscene by themselves (each scores >= 0.5 alone, measured
with alt-profanity-check, except the spelled-out variants of the same group names)."""

INSULTING_WORDS = frozenset(
    {"stupid", "stupidity", "dumb", "idiot", "idiots", "idiotic", "moron", "morons", "moronic"}
    | {"loser", "losers", "imbecile", "fool", "fools", "foolish", "liar", "liars", "coward"}
    | {"cowards", "hypocrite", "hypocrites", "scum", "lazy", "ugly", "freak", "freaks", "nerd"}
    | {"dummy", "silly", "lame", "crazy", "useless", "ridiculous", "arrogant", "immature"}
    | {"lousy", "inane", "jerk", "jerks", "bully"}
)
"""Insulting words that alt-profanity-check scores as obscene on their own (each >= 0.5). With
the classifier loaded they are not profanity: the insult label judges them in context, so that
"what a dumb mistake on my part" and "kids are not stupid for making mistakes" are not
profanity. Without it they count as profanity, the only hostile label there is."""

INSULT_NOUNS = frozenset(
    {"idiot", "idiots", "moron", "morons", "loser", "losers", "imbecile", "fool", "fools"}
    | {"liar", "liars", "coward", "cowards", "hypocrite", "hypocrites", "scum", "jerk", "jerks"}
    | {"freak", "freaks"}
)
"""Insulting words that name a person as what they are: one scores `insult` by itself, at its
alt-profanity-check score, however the classifier reads the sentence ("I will never forgive
those idiots at the district office"). An adjective ("a dumb mistake") is left to the
classifier, and so is "nerd" ("our science nerds"). The tone check still rules a negated one out
("no one here is a loser")."""

_WORD = re.compile(r"[a-z0-9'*@$]+")
_STARRED = re.compile(r"[a-z]{1,2}\*+[a-z]*")
"""A swear word written with stars ("f***", "b*tch", "a**hole"): alt-profanity-check scores most
of them 0.04, but a parent reads the word all the same."""


class ToneModel(Protocol):
    engine: str
    labels: tuple[str, ...]

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Scores for every text, computed in one call per batch."""
        ...


def word_offence(words: Sequence[str]) -> list[float]:
    """How offensive each word reads on its own (alt-profanity-check), a cheap prior for which
    words of a flagged sentence to explain it by. One call for all the words."""
    if not words:
        return []
    from profanity_check import predict_prob

    return [float(p) for p in predict_prob(list(words))]


def hostility(scores: dict[str, float]) -> float:
    """How offensive a text reads overall: its highest hostile label score."""
    return max((v for k, v in scores.items() if k in HOSTILE_LABELS), default=0.0)


class EmbeddedTone:
    """The always-available default. One profanity call and at most one encoder call per batch.

    Its classifier reads all-MiniLM-L6-v2 word vectors, the same ones the semantic layer computes
    in its encoder pass: a caller that already holds a text's word vectors passes them in
    `words`, and only the texts without them are encoded."""

    engine = "embedded"

    def __init__(
        self, encoder: SentenceEncoder | None, classifier: ToneLayers | None = None
    ) -> None:
        from profanity_check import predict_prob

        self._predict_prob = predict_prob
        self.encoder = encoder
        self._classifier = (classifier or load_layers()) if encoder is not None else None
        if encoder is not None:
            _tokenizer()  # loaded with the model, not by the first request that needs it
        classes = self._classifier.classes if self._classifier else ()
        self.labels = ("obscene", *(c for c in classes if c != CLEAN))

    def score(
        self, texts: Sequence[str], words: Sequence[np.ndarray | None] | None = None
    ) -> list[dict[str, float]]:
        """Scores per text; `words[i]`, when not None, holds the word vectors of `texts[i]` (one
        row per word with word pieces, as `word_vectors` gives them)."""
        if not texts:
            return []
        texts = list(texts)
        obscene, named = self._lexical(texts)
        results = [{"obscene": p} for p in obscene]
        if self.encoder is not None and self._classifier is not None:
            sentences = _words(self.encoder, texts, words)
            with self.encoder.threads_for(len(sentences)):
                probs = self._classifier.probabilities(sentences)
            for row, result, insult in zip(probs, results, named, strict=True):
                labels = zip(self._classifier.classes, row.tolist(), strict=True)
                result.update(pool_offensive(dict(labels)))
                result["insult"] = max(result.get("insult", 0.0), insult)
        return results

    def obscene(self, texts: Sequence[str]) -> list[float]:
        """alt-profanity-check's score of the text, capped by that of its most profane word
        outside `NOT_PROFANITY` (and `INSULTING_WORDS` when the classifier judges those): a
        sentence is as obscene as its vulgar words make it, not more because it names a group
        ("I am a gay man" scores 0.95 as a whole). A starred-out swear word makes it obscene
        outright."""
        return self._lexical(texts)[0]

    def _lexical(self, texts: Sequence[str]) -> tuple[list[float], list[float]]:
        """Per text, its `obscene` score and the highest score of an `INSULT_NOUNS` word in it.
        One profanity-check call scores the texts and their distinct words together: each call
        costs milliseconds of fixed overhead."""
        judged = INSULTING_WORDS if self._classifier is not None else frozenset()
        casefolded = [_WORD.findall(t.casefold()) for t in texts]
        words = [[w for w in ws if w not in NOT_PROFANITY and w not in judged] for ws in casefolded]
        nouns = [[w for w in ws if w in INSULT_NOUNS and w in judged] for ws in casefolded]
        distinct = sorted({w for per_text in (*words, *nouns) for w in per_text})
        probabilities = self._predict_prob([*texts, *distinct]) if texts else []
        whole = probabilities[: len(texts)]
        by_word = dict(zip(distinct, probabilities[len(texts) :], strict=True))
        obscene = [
            1.0
            if any(_STARRED.fullmatch(w) for w in ws)
            else min(float(p), max((float(by_word[w]) for w in ws), default=0.0))
            for p, ws in zip(whole, words, strict=True)
        ]
        named = [max((float(by_word[w]) for w in ws), default=0.0) for ws in nouns]
        return obscene, named


def pool_offensive(probabilities: dict[str, float]) -> dict[str, float]:
    """The classifier's label scores, the offensive ones pooled on the likeliest of them.

    Its classes are exclusive (one softmax), but a sentence can be a threat and an attack on a
    group at once: "they should all be shot" splits its mass between `threat` and
    `identity_attack`, and neither reaches a threshold that their sum passes. The likeliest
    offensive label carries the whole offensive mass; the others keep their own."""
    scores = {k: v for k, v in probabilities.items() if k != CLEAN}
    offensive = [k for k in scores if k in POOLED_LABELS]
    if offensive:
        scores[max(offensive, key=scores.__getitem__)] = sum(scores[k] for k in offensive)
    return scores


def _words(
    encoder: SentenceEncoder, texts: list[str], known: Sequence[np.ndarray | None] | None
) -> list[np.ndarray]:
    """Every text's word vectors: the known ones as given, the rest from one encoder call."""
    known = known if known is not None else [None] * len(texts)
    missing = [i for i, w in enumerate(known) if w is None]
    _, pieces = encoder.encode_with_pieces([texts[i] for i in missing]) if missing else (None, [])
    encoded = iter(
        word_vectors(p, word_starts(texts[i])) for i, p in zip(missing, pieces, strict=True)
    )
    return [next(encoded) if w is None else w for w in known]


def word_starts(text: str) -> list[int]:
    """Where each word of `text` starts: spaCy's English tokenizer, the same rules as the
    pipeline's, so that a text the engine encodes itself gets the words the semantic layer
    gives the pipeline's sentences."""
    return [token.idx for token in _tokenizer()(text)]


@cache
def _tokenizer() -> Tokenizer:
    return with_speaker_infixes(spacy.blank("en")).tokenizer


def detoxify_checkpoint(settings: ModelSettings) -> Path | None:
    """The configured checkpoint, or the downloaded one under `detoxify_model_dir`."""
    if settings.detoxify_checkpoint is not None:
        return settings.detoxify_checkpoint
    if settings.detoxify_model_dir is not None:
        return variant(settings.detoxify_variant).checkpoint_path(settings.detoxify_model_dir)
    return None


def load_tone_model(settings: ModelSettings, encoder: SentenceEncoder | None) -> ToneModel:
    """The engine `settings.tone_engine` asks for. `detoxify` fails loudly when it cannot load;
    `auto` falls back to the embedded engine (and logs why, by exception type only)."""
    if settings.tone_engine == "embedded":
        return EmbeddedTone(encoder)
    checkpoint = detoxify_checkpoint(settings)
    if settings.tone_engine == "detoxify":
        if checkpoint is None:
            raise ValueError("tone_engine=detoxify needs detoxify_checkpoint or detoxify_model_dir")
        return _detoxify(settings, checkpoint)
    if checkpoint is not None and checkpoint.is_file():
        try:
            return _detoxify(settings, checkpoint)
        except Exception as exc:
            log.warning(
                "Detoxify did not load (%s); using the embedded tone model", type(exc).__name__
            )
    return EmbeddedTone(encoder)


def _detoxify(settings: ModelSettings, checkpoint: Path) -> ToneModel:
    from models.detoxify_engine import DetoxifyTone

    return DetoxifyTone(settings.detoxify_variant, checkpoint, settings.detoxify_sha256)
