"""Detoxify runs offline from a local checkpoint: the real `Detoxify` class on a tiny random
checkpoint this test builds (no network), a sha256 checked before anything is unpickled, and a
download command whose network call is the only part left out."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
import torch
import transformers

from models.detoxify_engine import CheckpointError, DetoxifyTone
from models.detoxify_variants import TRANSFORMER_DIR, VARIANTS, DetoxifyVariant, variant
from models.download import DownloadError, download_variant, main
from models.settings import ModelSettings
from models.tone import HOSTILE_LABELS, EmbeddedTone, load_tone_model

WORDS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "you", "are", "an", "idiot", "great", "job"]
ORIGINAL_CLASSES = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]


def build_tiny_checkpoint(root: Path, classes: list[str] = ORIGINAL_CLASSES) -> Path:
    """A random BERT small enough to build in a test, saved as Detoxify saves its checkpoints."""
    folder = root / "original"
    transformer = folder / TRANSFORMER_DIR
    transformer.mkdir(parents=True)
    (transformer / "vocab.txt").write_text("\n".join(WORDS) + "\n")
    transformers.BertTokenizer(str(transformer / "vocab.txt")).save_pretrained(str(transformer))
    config = transformers.BertConfig(
        vocab_size=len(WORDS),
        hidden_size=8,
        num_hidden_layers=1,
        num_attention_heads=1,
        intermediate_size=8,
        max_position_embeddings=32,
        num_labels=len(classes),
    )
    config.save_pretrained(str(transformer))
    torch.manual_seed(0)
    model = transformers.BertForSequenceClassification(config)
    checkpoint = folder / VARIANTS["original"].checkpoint_name
    arch = {
        "model_type": "bert-base-uncased",  # what Detoxify ships: a hub name, rewritten on load
        "model_name": "BertForSequenceClassification",
        "tokenizer_name": "BertTokenizer",
        "num_classes": len(classes),
    }
    torch.save(
        {
            "config": {"arch": {"args": arch}, "dataset": {"args": {"classes": classes}}},
            "state_dict": model.state_dict(),
        },
        checkpoint,
    )
    return checkpoint


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_checkpoint(tmp_path_factory.mktemp("detoxify"))


@pytest.fixture(scope="module")
def detoxify(checkpoint: Path) -> DetoxifyTone:
    return DetoxifyTone("original", checkpoint)


def test_the_real_detoxify_class_scores_every_label_offline(detoxify: DetoxifyTone) -> None:
    scores = detoxify.score(["you are an idiot", "great job"])
    assert detoxify.engine == "detoxify:original"
    assert detoxify.labels == (
        "toxicity",
        "severe_toxicity",
        "obscene",
        "threat",
        "insult",
        "identity_attack",
    )
    assert len(scores) == 2
    assert all(set(s) == set(detoxify.labels) for s in scores)
    assert all(0.0 <= v <= 1.0 for s in scores for v in s.values())


def test_a_single_text_and_an_empty_batch(detoxify: DetoxifyTone) -> None:
    assert len(detoxify.score(["great job"])) == 1
    assert detoxify.score([]) == []


def test_identity_mention_columns_of_the_unbiased_variants_are_not_tone_labels(
    tmp_path: Path,
) -> None:
    classes = [*ORIGINAL_CLASSES, "sexual_explicit", "male", "muslim"]
    tone = DetoxifyTone("original", build_tiny_checkpoint(tmp_path, classes))
    assert "sexual_explicit" in tone.labels
    assert not {"male", "muslim"} & set(tone.labels)
    assert set(tone.labels) <= set(HOSTILE_LABELS)


def test_matching_sha256_loads(checkpoint: Path) -> None:
    digest = hashlib.sha256(checkpoint.read_bytes()).hexdigest()
    assert DetoxifyTone("original", checkpoint, sha256=digest.upper()).labels


def test_wrong_sha256_is_refused_before_torch_load_runs(
    checkpoint: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unpickle(*args: object, **kwargs: object) -> None:
        raise AssertionError("torch.load ran on an unverified checkpoint")

    monkeypatch.setattr(torch, "load", unpickle)
    with pytest.raises(CheckpointError, match="expected 00"):
        DetoxifyTone("original", checkpoint, sha256="00" * 32)


def test_missing_transformer_files_say_how_to_get_them(tmp_path: Path, checkpoint: Path) -> None:
    lonely = tmp_path / checkpoint.name
    lonely.write_bytes(checkpoint.read_bytes())
    with pytest.raises(CheckpointError, match="secondlook models download original"):
        DetoxifyTone("original", lonely)


def test_a_pickle_that_is_not_a_detoxify_checkpoint_is_refused(
    tmp_path: Path, checkpoint: Path
) -> None:
    buffer = io.BytesIO()
    torch.save({"weights": [1, 2, 3]}, buffer)
    other = checkpoint.parent / "other.ckpt"
    other.write_bytes(buffer.getvalue())
    with pytest.raises(CheckpointError, match="lacks Detoxify's config"):
        DetoxifyTone("original", other)


def test_unknown_variant_names_the_choices() -> None:
    with pytest.raises(ValueError, match="original, unbiased, multilingual"):
        variant("toxic-bert")


def test_every_variant_has_detoxify_published_url_and_hash() -> None:
    from detoxify.detoxify import MODEL_URLS

    assert set(VARIANTS) == set(MODEL_URLS)
    for v in VARIANTS.values():
        assert v.checkpoint_url == MODEL_URLS[v.name]
        assert len(v.published_sha256_prefix) == 8
        assert f"{TRANSFORMER_DIR}/config.json" in v.file_urls()


def test_engine_is_a_setting(checkpoint: Path) -> None:
    auto = load_tone_model(ModelSettings(detoxify_checkpoint=checkpoint), encoder=None)
    assert auto.engine == "detoxify:original"
    by_dir = load_tone_model(
        ModelSettings(tone_engine="detoxify", detoxify_model_dir=checkpoint.parent.parent),
        encoder=None,
    )
    assert by_dir.engine == "detoxify:original"
    embedded = load_tone_model(
        ModelSettings(tone_engine="embedded", detoxify_checkpoint=checkpoint), encoder=None
    )
    assert isinstance(embedded, EmbeddedTone)


def test_auto_falls_back_to_embedded_when_detoxify_does_not_load(checkpoint: Path) -> None:
    settings = ModelSettings(detoxify_checkpoint=checkpoint, detoxify_sha256="00" * 32)
    assert load_tone_model(settings, encoder=None).engine == "embedded"
    assert load_tone_model(ModelSettings(), encoder=None).engine == "embedded"


def test_forced_detoxify_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="detoxify_checkpoint"):
        load_tone_model(ModelSettings(tone_engine="detoxify"), encoder=None)
    with pytest.raises(CheckpointError, match="no checkpoint at"):
        load_tone_model(
            ModelSettings(tone_engine="detoxify", detoxify_checkpoint=tmp_path / "missing.ckpt"),
            encoder=None,
        )


BODY = b"checkpoint bytes"
BODY_PREFIX = hashlib.sha256(BODY).hexdigest()[:8]
FAKE = DetoxifyVariant(
    "original",
    f"https://example.invalid/toxic_original-{BODY_PREFIX}.ckpt",
    "bert-base-uncased",
    ("config.json", "vocab.txt"),
)


def serve(bodies: dict[str, bytes], fetched: list[str]):
    def fetch(url: str, out: io.BufferedWriter) -> None:
        fetched.append(url)
        out.write(bodies.get(url, b"{}"))

    return fetch


def test_download_puts_checkpoint_and_transformer_files_where_the_loader_looks(
    tmp_path: Path,
) -> None:
    fetched: list[str] = []
    digest = download_variant(FAKE, tmp_path, serve({FAKE.checkpoint_url: BODY}, fetched))
    assert digest == hashlib.sha256(BODY).hexdigest()
    assert (tmp_path / "original" / FAKE.checkpoint_name).read_bytes() == BODY
    assert (tmp_path / "original" / TRANSFORMER_DIR / "config.json").is_file()
    assert fetched == [
        FAKE.checkpoint_url,
        "https://huggingface.co/bert-base-uncased/resolve/main/config.json",
        "https://huggingface.co/bert-base-uncased/resolve/main/vocab.txt",
    ]
    again: list[str] = []
    download_variant(FAKE, tmp_path, serve({}, again))
    assert again == []


def test_download_discards_a_checkpoint_that_does_not_match_the_published_hash(
    tmp_path: Path,
) -> None:
    fetch = serve({FAKE.checkpoint_url: b"tampered"}, [])
    with pytest.raises(DownloadError, match="does not match the published prefix"):
        download_variant(FAKE, tmp_path, fetch)
    assert not list((tmp_path / "original").glob("*.ckpt*"))


def test_download_command_prints_the_settings_to_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(VARIANTS, "original", FAKE)
    fetch = serve({FAKE.checkpoint_url: BODY}, [])
    assert main(["original", "--dir", str(tmp_path)], fetch=fetch) == 0
    out = capsys.readouterr().out
    assert f"detoxify_sha256 = {hashlib.sha256(BODY).hexdigest()}" in out
    assert "detoxify_variant = original" in out
    assert main(["original", "--dir", str(tmp_path)], fetch=serve({}, [])) == 0


def test_download_command_reports_a_failed_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(VARIANTS, "original", FAKE)

    def offline(url: str, out: io.BufferedWriter) -> None:
        raise OSError("network unreachable")

    assert main(["original", "--dir", str(tmp_path)], fetch=offline) == 1
    assert "download failed" in capsys.readouterr().err
