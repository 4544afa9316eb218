"""A real Synapse homeserver on 127.0.0.1 for tests: SQLite, no federation, no outside traffic.

Start it once per test run (`Homeserver.start(folder)`), register accounts with the shared
secret (`register`), and stop it at the end. Synapse itself comes from PyPI
(`matrix-synapse`, in the test extra); it is never part of the running bot.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

SERVER_NAME = "sourcecheck.test"
START_TIMEOUT = 60.0
# Synapse's own rate limits are for the public internet; tests send in bursts.
_GENEROUS = {"per_second": 1000, "burst_count": 1000}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def config_yaml(folder: Path, port: int, shared_secret: str) -> str:
    """A homeserver that listens on loopback only and never contacts another server."""
    config = {
        "server_name": SERVER_NAME,
        "pid_file": str(folder / "homeserver.pid"),
        "listeners": [
            {
                "port": port,
                "bind_addresses": ["127.0.0.1"],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "database": {"name": "sqlite3", "args": {"database": str(folder / "homeserver.db")}},
        "media_store_path": str(folder / "media"),
        "signing_key_path": str(folder / "signing.key"),
        "log_config": str(folder / "log.yaml"),
        "registration_shared_secret": shared_secret,
        "macaroon_secret_key": secrets.token_hex(16),
        "form_secret": secrets.token_hex(16),
        "report_stats": False,
        "enable_registration": False,
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "federation_domain_whitelist": [],
        "url_preview_enabled": False,
        "enable_metrics": False,
        "rc_message": _GENEROUS,
        "rc_registration": _GENEROUS,
        "rc_login": {"address": _GENEROUS, "account": _GENEROUS, "failed_attempts": _GENEROUS},
        "rc_joins": {"local": _GENEROUS, "remote": _GENEROUS},
        "rc_invites": {"per_room": _GENEROUS, "per_user": _GENEROUS, "per_issuer": _GENEROUS},
        "rc_admin_redaction": _GENEROUS,
    }
    # JSON is YAML: no YAML writer needed.
    return json.dumps(config, indent=1)


_LOG_CONFIG = """\
version: 1
formatters:
  plain: {format: '%(asctime)s %(levelname)s %(name)s %(message)s'}
handlers:
  file: {class: logging.FileHandler, formatter: plain, filename: FILENAME}
root: {level: WARNING, handlers: [file]}
disable_existing_loggers: false
"""


@dataclass(frozen=True, slots=True)
class Account:
    user_id: str
    password: str = field(repr=False)
    access_token: str = field(repr=False)


@dataclass
class Homeserver:
    folder: Path
    port: int
    shared_secret: str = field(repr=False)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @classmethod
    def start(cls, folder: Path) -> Homeserver:
        folder.mkdir(parents=True, exist_ok=True)
        server = cls(folder, free_port(), secrets.token_hex(16))
        (folder / "log.yaml").write_text(
            _LOG_CONFIG.replace("FILENAME", str(folder / "homeserver.log"))
        )
        config = folder / "homeserver.yaml"
        config.write_text(config_yaml(folder, server.port, server.shared_secret))
        python = sys.executable
        subprocess.run(
            [python, "-m", "synapse.app.homeserver", "-c", str(config), "--generate-keys"],
            check=True,
            capture_output=True,
            cwd=folder,
        )
        with (folder / "stdout.log").open("wb") as out:
            server.process = subprocess.Popen(
                [python, "-m", "synapse.app.homeserver", "-c", str(config)],
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=folder,
            )
        server.wait_ready()
        return server

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"Synapse exited: see {self.folder / 'stdout.log'}")
            try:
                self._get("/_matrix/client/versions")
                return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("Synapse did not answer in time")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def register(self, localpart: str, *, admin: bool = False) -> Account:
        """A new account through the shared-secret admin API, logged in."""
        nonce = self._get("/_synapse/admin/v1/register")["nonce"]
        password = secrets.token_urlsafe(12)
        # The MAC covers the parts joined by NUL, without a trailing one.
        mac = hmac.new(self.shared_secret.encode(), digestmod=hashlib.sha1)
        mac.update(
            b"\x00".join(
                p.encode() for p in (nonce, localpart, password, "admin" if admin else "notadmin")
            )
        )
        digest = mac.hexdigest()
        body = {
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": digest,
        }
        answer = self._post("/_synapse/admin/v1/register", body)
        return Account(answer["user_id"], password, answer["access_token"])

    def _get(self, path: str) -> dict[str, object]:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            data: dict[str, object] = json.loads(response.read())
            return data

    def _post(self, path: str, body: dict[str, object]) -> dict[str, str]:
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            data: dict[str, str] = json.loads(response.read())
            return data
