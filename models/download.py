"""`secondlook models download [VARIANT]`: fetch a Detoxify checkpoint and its transformer files.

Run once on a machine with internet; the service then loads them offline. Files land in
`<model_dir>/<variant>/` (the checkpoint) and `<model_dir>/<variant>/transformer/` (config and
tokenizer). The checkpoint is checked against the sha256 prefix Detoxify published in its file name
before it is kept, and its full sha256 is printed for the `detoxify_sha256` setting.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from models.detoxify_variants import VARIANTS, DetoxifyVariant, variant

DEFAULT_MODEL_DIR = Path.home() / ".cache" / "secondlook" / "detoxify"
CHUNK = 1 << 20

Fetch = Callable[[str, BinaryIO], None]
"""Writes the body at a URL into an open binary file (showing progress as it goes)."""


class DownloadError(RuntimeError):
    pass


def fetch_with_progress(url: str, out: BinaryIO) -> None:
    """Stream `url` into `out` with a tqdm progress bar on stderr."""
    from tqdm import tqdm

    with urllib.request.urlopen(url, timeout=60) as response:
        total = int(response.headers.get("Content-Length") or 0) or None
        name = url.rsplit("/", 1)[-1]
        with tqdm(total=total, unit="B", unit_scale=True, desc=name, file=sys.stderr) as bar:
            while chunk := response.read(CHUNK):
                out.write(chunk)
                bar.update(len(chunk))


def download_variant(
    chosen: DetoxifyVariant, model_dir: Path, fetch: Fetch = fetch_with_progress
) -> str:
    """Fetch every missing file of `chosen`; returns the checkpoint's sha256."""
    target = model_dir / chosen.name
    for relative, url in chosen.file_urls().items():
        path = target / relative
        if path.is_file():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        with open(partial, "wb") as out:
            fetch(url, out)
        if relative == chosen.checkpoint_name:
            _check_published_hash(chosen, partial)
        os.replace(partial, path)
    return _sha256_file(chosen.checkpoint_path(model_dir))


def _check_published_hash(chosen: DetoxifyVariant, path: Path) -> None:
    digest = _sha256_file(path)
    if not digest.startswith(chosen.published_sha256_prefix):
        path.unlink()
        raise DownloadError(
            f"{chosen.checkpoint_name}: sha256 {digest} does not match the published prefix "
            f"{chosen.published_sha256_prefix}; the download was discarded"
        )


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def main(argv: Sequence[str] | None = None, fetch: Fetch = fetch_with_progress) -> int:
    parser = argparse.ArgumentParser(
        prog="secondlook models download",
        description="Download a Detoxify checkpoint and its tokenizer for offline use.",
    )
    parser.add_argument("variant", nargs="?", default="original", choices=sorted(VARIANTS))
    parser.add_argument(
        "--dir",
        type=Path,
        default=DEFAULT_MODEL_DIR,
        help=f"where to put the files (default {DEFAULT_MODEL_DIR})",
    )
    args = parser.parse_args(argv)
    chosen = variant(args.variant)
    try:
        digest = download_variant(chosen, args.dir, fetch)
    except (OSError, DownloadError) as exc:
        print(f"download failed: {exc}", file=sys.stderr)
        return 1
    checkpoint = chosen.checkpoint_path(args.dir)
    print(f"Detoxify {chosen.name} is ready in {checkpoint.parent}")
    print("Use it with these settings:")
    print("  tone_engine = detoxify")
    print(f"  detoxify_variant = {chosen.name}")
    print(f"  detoxify_checkpoint = {checkpoint}")
    print(f"  detoxify_sha256 = {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
