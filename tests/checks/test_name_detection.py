"""Name detection promises: the classifier finds people's names in noisy and formal text, keeps
plain words, places and shouted greetings out, and the evaluation scores it fairly."""

from __future__ import annotations

import json
import logging
import math

import numpy as np
import pytest

from app.evaluation.privacy import join_fragments, wnut_scores
from checks.analysis import Analysis
from checks.privacy import name_augment
from checks.privacy.fit_context import WINDOW, fit_contextual
from checks.privacy.name_model import (
    CONTEXTUAL_MODEL_FILE,
    NO_CONTEXT,
    ContextLayer,
    NameModel,
    load_name_model,
    neighbourhoods,
)
from checks.privacy.names import NameFinder
from checks.privacy.span_scores import SpanScore, core, match_one_to_one
from checks.privacy.train_names import fit, token_labels, windowed
from checks.privacy.wnut import person_spans
from checks.semantic import embed_batch, token_vectors
from checks.types import Draft
from models.encoder import DIMENSIONS
from models.presidio_engine import ContactAnalyzer
from models.registry import Models
from models.spacy_pipeline import english_words


@pytest.fixture(scope="session")
def finder(models: Models) -> NameFinder:
    return NameFinder(english_words(models.nlp))


def names(finder: NameFinder, models: Models, text: str) -> list[str]:
    return [text[n.start : n.end] for n in finder.find(models.nlp(text))]


def contextual_names(finder: NameFinder, models: Models, text: str) -> list[str]:
    doc = models.nlp(text)
    analysis = Analysis(draft=Draft(text), doc=doc)
    embed_batch([analysis], models.encoder)
    vectors = token_vectors(analysis)
    assert vectors is not None
    return [text[n.start : n.end] for n in finder.find(doc, vectors=vectors)]


READERS = {"cheap features": names, "contextual vectors": contextual_names}


FOUND = [
    ("Huge congrats to Marcus Delgado for winning the spelling bee!", ["Marcus Delgado"]),
    ("CONGRATS MARCUS DELGADO!!! So proud.", ["MARCUS DELGADO"]),
    ("Noah's mom asked me to post this.", ["Noah"]),
    ("Ethan R. from room 14 built a working volcano.", ["Ethan R."]),
    ("Aiden, Mia and Noah Thompson led the demo.", ["Aiden", "Mia", "Noah Thompson"]),
    ("I'd like to join accounts with ms. Kuyra", ["Kuyra"]),
    ("My name is krithika and I love this song", ["krithika"]),
    ("I would like to remove my kid Mali from the will.", ["Mali"]),
    ("lol ray rice really said that", ["ray rice"]),
    ("Marcus Delgado passed his retake. So proud of Marcus!", ["Marcus Delgado", "Marcus"]),
    ("Me: what is 7 x 8?\nJayden: 56!\nMe: close enough", ["Jayden"]),
    ('Overheard at lunch. Kenji:"Is glue a food?"', ["Kenji"]),
    ("Congrats Anika, our new class president!", ["Anika"]),
    ("Everyone calls him Tiny because he is the tallest.", ["Tiny"]),
    ("Proud mama of Jake!", ["Jake"]),
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[f[0][:40] for f in FOUND])
def test_finds_names_in_formal_and_noisy_text(finder, models, text, expected, reader):
    assert READERS[reader](finder, models, text) == expected


NO_NAMES = [
    "Our team killed it at the science fair!",
    "Our robotics team killed it today!",
    "Spring concert recap: the band sounded amazing.",
    "I'm glad to hear that Poland is moving in that direction.",
    "Grading 120 quizzes tonight, send snacks.",
    "Jackson Elementary is hosting the book fair next week.",
    "The kids are at Lincoln Park right now, come say hi!",
    "Go Wildcats! So proud of this team.",
    "Reminder: bring your permission slips! Kahoot: 3rd period won.",
    "Hi everyone, welcome back to school!",
]


def test_a_name_written_again_keeps_the_role_of_its_first_mention(finder, models):
    text = "Thanks to Principal Hayes for the pizza. Hayes, you are the best!"
    found = finder.find(models.nlp(text))
    assert [(text[n.start : n.end], n.role) for n in found] == [
        ("Hayes", "staff"),
        ("Hayes", "staff"),
    ]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("text", NO_NAMES)
def test_plain_words_places_and_schools_are_not_names(finder, models, text, reader):
    assert READERS[reader](finder, models, text) == []


def test_shipped_model_is_plain_json_with_its_thresholds():
    model = load_name_model()
    assert 0 < model.extend <= model.seed < 1
    assert set(model.weights) == {-2, -1, 0, 1, 2}
    assert NameModel.from_json(json.loads(json.dumps(model.to_json()))) == model


def test_contextual_model_is_plain_json_with_a_layer_over_each_tokens_neighbourhood():
    model = load_name_model(CONTEXTUAL_MODEL_FILE)
    assert model.context is not None
    width = (2 * model.context.window + 1) * DIMENSIONS
    assert model.context.hidden.shape == (len(model.context.output), width)
    assert NO_CONTEXT in model.weights[0]
    assert NameModel.from_json(json.loads(json.dumps(model.to_json()))) == model
    assert not load_name_model().contextual


def test_the_context_layer_reads_a_tokens_neighbours_vectors():
    # one hidden unit that fires on the NEXT token's first dimension: a word before a name
    hidden = np.array([[0.0, 0.0, 0.0, 0.0, 1.0, 0.0]], dtype=np.float32)
    context = ContextLayer(
        window=1,
        hidden=hidden,
        hidden_bias=np.zeros(1, np.float32),
        output=np.array([2.0], np.float32),
    )
    weights = {o: {} for o in (-2, -1, 0, 1, 2)}
    model = NameModel(bias=0.0, weights=weights, seed=0.5, extend=0.2, context=context)
    vectors = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]], dtype=np.float32)
    first, second, third = model.probabilities([[], [], []], vectors)
    assert first == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert second == third == pytest.approx(0.5)


def test_neighbourhoods_pad_the_edges_with_zeros():
    vectors = np.array([[1.0], [2.0], [3.0]], dtype=np.float32)
    assert neighbourhoods(vectors, 1).tolist() == [[0, 1, 2], [1, 2, 3], [2, 3, 0]]


def test_contextual_training_is_deterministic_and_learns_from_the_vectors():
    rows = windowed([["shape=Title"], ["shape=Title"], ["shape=lower"]] * 400)
    labels = [1, 0, 0] * 400
    # only the vectors tell the two capitalised words apart
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]] * 400, dtype=np.float32)
    dense = neighbourhoods(vectors, WINDOW)
    one = fit_contextual(rows, labels, dense, 0.5, 0.2)
    assert one == fit_contextual(rows, labels, dense, 0.5, 0.2)
    name, capitalised, plain = one.probabilities(
        [["shape=Title"], ["shape=Title"], ["shape=lower"]], vectors[:3]
    )
    assert name > capitalised + 0.2 and name > plain + 0.2


def test_written_here_training_sentences_mark_exactly_the_names():
    sentences = name_augment.generate(200, seed=3)
    assert sentences == name_augment.generate(200, seed=3)
    with_names = [(text, spans) for text, spans in sentences if spans]
    assert 0.4 < len(with_names) / len(sentences) < 0.7
    for text, spans in sentences:
        for start, end in spans:
            assert text[start:end].strip() == text[start:end] != ""
            assert not text[start:end].startswith(("Mr.", "Dr.", "Principal"))


def test_runs_start_at_a_seed_and_take_in_neighbours_that_extend_it():
    model = NameModel(bias=0.0, weights={o: {} for o in (-2, -1, 0, 1, 2)}, seed=0.5, extend=0.2)
    assert model.runs([0.1, 0.3, 0.9, 0.25, 0.1, 0.3, 0.6]) == [(1, 4), (5, 7)]
    assert model.runs([0.3, 0.4, 0.1]) == []


def test_probabilities_add_neighbour_weights_by_offset():
    weights = {o: {} for o in (-2, -1, 0, 1, 2)}
    weights[0]["shape=Title"] = 2.0
    weights[-1]["title"] = 3.0
    weights[1]["edge"] = -1.0
    model = NameModel(bias=-2.0, weights=weights, seed=0.5, extend=0.2)
    first, second = model.probabilities([["title"], ["shape=Title"]])
    assert first == pytest.approx(1 / (1 + math.exp(2.0)))
    assert second == pytest.approx(1 / (1 + math.exp(-2.0)))


def test_training_is_deterministic_and_learns_the_signal():
    rows = windowed([["shape=Title", "first"], ["shape=lower"], ["shape=lower", "english"]] * 20)
    labels = [1, 0, 0] * 20
    one, two = fit(rows, labels, 0.3, 0.15), fit(rows, labels, 0.3, 0.15)
    assert one == two
    assert one.weights[0]["first"] > 0 > one.weights[0]["english"]


def test_token_labels_mark_tokens_that_overlap_a_gold_name():
    assert token_labels([0, 4, 10], [3, 9, 15], [(4, 15)]) == [0, 1, 1]


def test_wnut_sentences_are_rebuilt_with_spaces_and_person_spans():
    sentence = [("Good", "O"), ("job", "O"), ("Tomi", "B-person"), ("Lahren", "I-person")]
    text, spans = person_spans(sentence)
    assert text == "Good job Tomi Lahren"
    assert [text[a:b] for a, b in spans] == ["Tomi Lahren"]


def test_one_found_span_over_a_list_recalls_one_name_only():
    text = "Aiden, Mia and Noah"
    gold = [(0, 5), (7, 10), (15, 19)]
    score = SpanScore()
    score.add(text, gold, [(0, 19)])
    assert (score.precision, score.recall) == (1.0, pytest.approx(1 / 3))


def test_split_names_count_one_match_and_one_false_positive():
    assert len(match_one_to_one([(0, 11)], [(0, 5), (6, 11)])) == 1
    score = SpanScore()
    score.add("Tomi Lahren", [(0, 11)], [(0, 4), (5, 11)])
    assert (score.precision, score.recall) == (0.5, 1.0)


def test_exact_matching_sets_titles_and_possessives_aside():
    text = "Thanks Mr. Leiva's dog and Colonel Rajesh Kalia."
    assert text[slice(*core(text, (7, 18)))] == "Leiva"
    assert text[slice(*core(text, (27, 48)))] == "Rajesh Kalia"
    score = SpanScore()
    score.add(text, [(11, 16)], [(7, 18)])
    assert score.exact == 1


def test_contact_analysis_logs_no_draft_words_and_no_entity_warnings(models, caplog):
    contact = ContactAnalyzer(models.nlp, models.settings.spacy_model)
    text = "Call Marisol's mom on the first of May at 503-201-3344, 3rd period."
    with caplog.at_level(logging.DEBUG):
        found = contact.analyze(models.nlp(text))
    assert [text[r.start : r.end] for r in found] == ["503-201-3344"]
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "Marisol" not in logged and "period" not in logged
    assert "not mapped to a Presidio entity" not in logged


def test_synth_address_parts_are_scored_as_one_address():
    text = "Billing address: Sara Schwarz\n    28245 Puruntie 82 Apt. 595\n   LAPPEENRANTA"
    parts = [(52, 60), (40, 51), (34, 39)]
    assert [text[a:b] for a, b in join_fragments(text, parts)] == ["28245 Puruntie 82 Apt. 595"]
    assert join_fragments("Aiden, Mia", [(0, 5), (7, 10)]) == [(0, 5), (7, 10)]


def test_one_encoder_call_gives_sentence_vectors_unchanged_and_a_vector_per_word(models):
    text = "Go Wildcats! Marcus Delgado finally passed his retake today."
    doc = models.nlp(text)
    analysis = Analysis(draft=Draft(text), doc=doc)
    embed_batch([analysis], models.encoder)
    short, long = analysis.shared["semantic.sentences"]
    assert short.vector is None and short.token_vectors is None
    assert long.token_vectors.shape == (long.token_end - long.token_start, DIMENSIONS)
    assert np.allclose(long.vector, models.encoder.encode([text[long.start : long.end]])[0])
    vectors = token_vectors(analysis)
    assert not vectors[: short.token_end].any() and vectors[long.token_start :].any(axis=1).all()


def test_wnut_is_also_scored_without_the_names_after_a_detached_at(models, tmp_path):
    corpus = tmp_path / "wnut.conll"
    rows = [
        "RT\tO",
        "@\tO",
        "NicholasPegg\tB-person",
        ":\tO",
        "Marcus\tB-person",
        "Delgado\tI-person",
    ]
    corpus.write_text("\n".join(rows) + "\n", "utf-8")
    every, outside_mentions = wnut_scores(models, corpus)
    assert every.gold == 2
    assert outside_mentions.gold == 1
    assert outside_mentions.recall == 1.0
