"""Drives the fake Bot API's test control endpoints for deploy/smoke.sh (stdlib only)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "checks" / "samples" / "globalresearch-belgorod.md"
TELEGRAM_TEXT_LIMIT = 4096
CHAT = {"id": 5123456789, "first_name": "Smoke", "username": "smoke_test_demo", "type": "private"}
RELAY_CHANNEL = {
    "id": -1001555000111,
    "title": "Reading Room (smoke test)",
    "username": "demo_smoke_reads",
    "type": "channel",
}
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def forwarded_text(markdown: str, limit: int = TELEGRAM_TEXT_LIMIT) -> str:
    """The sample as a channel post copied without its hrefs, head and tail kept under `limit`."""
    paragraphs = [_MD_LINK.sub(r"\1", p).strip() for p in markdown.split("\n\n")]
    paragraphs = [p for p in paragraphs if p]
    tail_start = paragraphs.index("*")
    head, tail = paragraphs[:tail_start], paragraphs[tail_start:]
    kept: list[str] = []
    budget = limit - len("\n\n".join(tail)) - 2
    for paragraph in head:
        if utf16_len("\n\n".join([*kept, paragraph])) > budget:
            break
        kept.append(paragraph)
    text = "\n\n".join([*kept, *tail])
    assert utf16_len(text) <= limit, utf16_len(text)
    return text


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def forwarded_update(message_id: int) -> dict[str, Any]:
    """A private-chat Update carrying a forwarded channel post of the bundled sample."""
    now = int(time.time())
    return {
        "message": {
            "message_id": message_id,
            "from": {"id": CHAT["id"], "is_bot": False, "first_name": "Smoke"},
            "chat": CHAT,
            "date": now,
            "forward_origin": {
                "type": "channel",
                "chat": RELAY_CHANNEL,
                "message_id": 77,
                "date": now - 3600,
            },
            "forward_from_chat": RELAY_CHANNEL,
            "forward_from_message_id": 77,
            "forward_date": now - 3600,
            "text": forwarded_text(SAMPLE.read_text(encoding="utf-8")),
        }
    }


def http_json(url: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read()
    return json.loads(raw) if raw.strip() else None


def recorded(api: str) -> list[dict[str, Any]]:
    return http_json(f"{api}/_test/requests")


def reply_text(call: dict[str, Any]) -> str:
    text = (call.get("params") or {}).get("text")
    return text if isinstance(text, str) else ""


def cmd_send(args: argparse.Namespace) -> int:
    http_json(f"{args.api}/_test/updates", forwarded_update(args.message_id))
    return 0


def cmd_count(args: argparse.Namespace) -> int:
    calls = recorded(args.api)
    print(sum(1 for c in calls if not args.method or c.get("method") in args.method))
    return 0


def cmd_wait(args: argparse.Namespace) -> int:
    """Wait for a call after index --after; with --contains, a reply carrying every string."""
    deadline = time.monotonic() + args.timeout
    calls: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        calls = recorded(args.api)
        for call in calls[args.after :]:
            if args.method and call.get("method") not in args.method:
                continue
            if all(s in reply_text(call) for s in args.contains):
                if args.token and call.get("token") != args.token:
                    print(f"smoke: {call.get('method')} came with another token", file=sys.stderr)
                    return 1
                print(reply_text(call) or call.get("method"))
                return 0
        time.sleep(0.3)
    wanted = ", ".join(args.method or ["any call"])
    print(f"smoke: no {wanted} containing {args.contains} within {args.timeout}s", file=sys.stderr)
    for call in calls[args.after :][-8:]:
        print(f"  {call.get('method')}: {reply_text(call)[:300]!r}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--api", required=True, help="http://127.0.0.1:PORT of the fake Bot API")
    sub = parser.add_subparsers(dest="command", required=True)
    send = sub.add_parser("send", help="queue a forwarded copy of the bundled sample")
    send.add_argument("--message-id", type=int, default=1)
    count = sub.add_parser("count", help="how many Bot API calls were recorded")
    count.add_argument("--method", action="append")
    wait = sub.add_parser("wait", help="wait for a recorded call")
    wait.add_argument("--method", action="append")
    wait.add_argument("--contains", action="append", default=[])
    wait.add_argument("--after", type=int, default=0, help="ignore the first N recorded calls")
    wait.add_argument("--token", help="the token the call must carry")
    wait.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args(argv)
    handler = {"send": cmd_send, "count": cmd_count, "wait": cmd_wait}[args.command]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
