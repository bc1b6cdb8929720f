"""The test pages, served over HTTPS on loopback under each supported site's real hostname.

Chromium resolves those hostnames to 127.0.0.1 (--host-resolver-rules) and resolves nothing else,
so the extension's built-in adapters and manifest match patterns run unchanged while no request
leaves this machine. HTTPS because several of these hosts are HSTS-preloaded; the certificate is
self-signed for the test and the browser is told to accept it."""

from __future__ import annotations

import datetime
import ssl
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

PAGES = Path(__file__).parent / "pages"

HOSTS = {
    "www.facebook.com": "facebook.html",
    "x.com": "x.html",
    "www.instagram.com": "instagram.html",
    "www.linkedin.com": "linkedin.html",
    "www.threads.com": "threads.html",
    "bsky.app": "bluesky.html",
    "lms.district.test": "generic.html",
}
ASSETS = {"/site.js": "text/javascript", "/site.css": "text/css"}


def resolver_rules() -> str:
    """Map the test hosts to loopback and make every other name fail to resolve."""
    maps = [f"MAP {host} 127.0.0.1" for host in HOSTS]
    return ", ".join([*maps, "MAP * ~NOTFOUND", "EXCLUDE 127.0.0.1", "EXCLUDE localhost"])


def _certificate(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Second Look test sites")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName(h) for h in HOSTS]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        path = self.path.split("?", 1)[0]
        if path in ASSETS:
            self._send(PAGES / path.lstrip("/"), ASSETS[path])
        elif path == "/" and host in HOSTS:
            self._send(PAGES / HOSTS[host], "text/html; charset=utf-8")
        else:
            self.send_error(404)

    def _send(self, file: Path, content_type: str) -> None:
        data = file.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


class SiteServer:
    def __init__(self) -> None:
        self._tmp = tempfile.TemporaryDirectory()
        cert, key = _certificate(Path(self._tmp.name))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, host: str) -> str:
        return f"https://{host}:{self.port}/"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._tmp.cleanup()
