"""The bot under load: `sourcecheck bot` as its own process against the fake Bot API.

The fake runs in this process; the bot runs as a subprocess, so its RSS (VmHWM) is its own.
Each of 50 users sends pasted articles (real corpus texts and the sample, each with a unique
first line so the result cache is not what is measured) in a private chat; the users' Telegram
languages take turns through the seven the bot replies in, so every catalog is rendered.
Latency is from the moment an update is queued for getUpdates to the arrival of the
editMessageText (or, for a check slower than the bot's notification threshold, the new
message) that carries the checklist; both are CLOCK_MONOTONIC readings, comparable across
the two processes.

`python -m benchmarks.bench_bot serve` is the bot as `sourcecheck bot` runs it (same settings
from the environment, same serve()), plus a probe that records the event loop's lag, and
BENCH_API_RATE to lift PTB's flood limiter when measuring the bot's own capacity.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from benchmarks.run import Row
from checks.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
SAMPLE = ROOT / "checks" / "samples" / "globalresearch-belgorod.md"
TOKEN = "444444:test-only-fake-token-bench"
USERS = 50
RATE_PER_USER = 1.0  # messages per second per user in the open-loop run
OPEN_LOOP_SECONDS = 10.0
PASTE_LIMIT = 4000  # Telegram takes at most 4096 characters in one text message
LAG_TICK = 0.005


# --- the bot side (runs in the subprocess) -------------------------------------------------


async def _probe_lag(samples: list[tuple[float, float]]) -> None:
    """Sleep a short tick again and again; how late each wake-up is, is the loop's lag."""
    while True:
        expected = time.monotonic() + LAG_TICK
        await asyncio.sleep(LAG_TICK)
        now = time.monotonic()
        samples.append((now, max(0.0, now - expected)))


async def _serve_probed(settings: Any, lag_file: Path) -> None:
    from bot.telegram.app import serve

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    samples: list[tuple[float, float]] = []
    collections: list[tuple[float, float]] = []  # (ended at, seconds) of full collections
    gc.callbacks.append(_full_collections(collections))
    probe = asyncio.create_task(_probe_lag(samples))
    try:
        await serve(settings, stop=stop)
    finally:
        probe.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await probe
        found = {"lag": samples, "gc": collections}
        lag_file.write_text(json.dumps(found), encoding="utf-8")  # noqa: ASYNC240 (at exit)


def _full_collections(out: list[tuple[float, float]]) -> Callable[[str, dict[str, int]], None]:
    started = 0.0

    def callback(phase: str, info: dict[str, int]) -> None:
        nonlocal started
        if info.get("generation") != 2:
            return
        if phase == "start":
            started = time.monotonic()
        else:
            out.append((time.monotonic(), time.monotonic() - started))

    return callback


def serve_main() -> int:
    from bot.core.logs import setup_logging
    from bot.core.settings import from_env

    settings = from_env(os.environ)
    if os.environ.get("BENCH_API_RATE"):
        settings = replace(settings, overall_rate=float(os.environ["BENCH_API_RATE"]))
    setup_logging(settings.log_level, secrets=(settings.token,))
    asyncio.run(_serve_probed(settings, Path(os.environ["BENCH_LAG_FILE"])))
    return 0


# --- the messages ------------------------------------------------------------------------


def article_texts() -> list[str]:
    """The corpus pages' article texts and the sample, cut to what fits in one message."""
    from checks.read.html_page import read_html
    from checks.read.text import read_markdown

    texts = []
    for page in sorted(p for p in PAGES.iterdir() if p.is_dir()):
        labels = json.loads((page / "labels.json").read_text(encoding="utf-8"))
        article = read_html((page / "source.html").read_bytes(), url=labels.get("url"))
        texts.append(article.text)
    texts.append(read_markdown(SAMPLE.read_text(encoding="utf-8")).text)
    return [_cut(text) for text in texts if text.strip()]


def _cut(text: str) -> str:
    if len(text) <= PASTE_LIMIT:
        return text
    head = text[:PASTE_LIMIT]
    cut = head.rfind("\n")
    return head[:cut] if cut > PASTE_LIMIT // 2 else head


@dataclass
class Sender:
    """Makes pasted-article updates: user n writes in their private chat."""

    texts: list[str]
    serial: int = 0

    def update(self, user: int) -> dict[str, Any]:
        self.serial += 1
        sender = {
            "id": 8_000_000 + user,
            "is_bot": False,
            "first_name": f"Reader {user}",
            "language_code": LANGUAGES[user % len(LANGUAGES)],
        }
        text = self.texts[self.serial % len(self.texts)]
        return {
            "message": {
                "message_id": self.serial,
                "from": sender,
                "chat": {"id": sender["id"], "type": "private", "first_name": f"Reader {user}"},
                "date": int(time.time()),
                "text": _cut(f"Pasted article no. {self.serial} from reader {user}\n\n{text}"),
            }
        }


# --- the load side (this process) --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    name: str
    latencies_ms: tuple[float, ...]
    replies_per_s: float
    started: float
    ended: float
    lost: int

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _env(tmp: Path, api: Any, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api.base_url,
        SOURCECHECK_DB=str(tmp / "bot.db"),
        SOURCECHECK_RATE_LIMIT="100000",
        XDG_DATA_HOME=str(tmp / "data"),
        **extra,
    )
    return env


async def _launch(args: Sequence[str], env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, *args, cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def _stop(process: asyncio.subprocess.Process) -> str:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    except TimeoutError:
        process.kill()
        raise
    log = stderr.decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"the bot exited with {process.returncode}:\n{log[-2000:]}")
    return log


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _first_poll(api: Any, process: asyncio.subprocess.Process, after: int) -> float:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.returncode is None:
        polls = api.requests("getUpdates")[after:]
        if polls:
            return float(polls[0]["time"])
        await asyncio.sleep(0.005)
    await _stop(process)
    raise RuntimeError("the bot never polled")


async def _start_bot(
    api: Any, args: Sequence[str], env: dict[str, str]
) -> tuple[asyncio.subprocess.Process, float]:
    """Launch the bot; return it and the seconds from launch to its first getUpdates."""
    seen = len(api.requests("getUpdates"))
    started = time.monotonic()
    process = await _launch(args, env)
    polled = await _first_poll(api, process, seen)
    return process, polled - started


async def _offer(
    api: Any, sender: Sender, schedule: Sequence[tuple[float, int]]
) -> list[tuple[int, float]]:
    """Queue each (offset seconds, user) message at its time; return (chat, queued at)s."""
    queued: list[tuple[int, float]] = []
    origin = time.monotonic()
    for offset, user in schedule:
        delay = origin + offset - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        update = sender.update(user)
        queued.append((update["message"]["chat"]["id"], time.monotonic()))
        api.queue_update(update)
    return queued


def _answered(api: Any, after: int) -> dict[int, list[float]]:
    """Chat -> arrival times of the checklist edits (those with buttons) after `after`.

    "Checking…" is not sent as a reply, so a chat's n-th checklist answers its n-th message;
    one user's messages are a second apart, so they do not overtake each other.
    """
    done: dict[int, list[float]] = {}
    for call in api.requests()[after:]:
        # A check that took over SLOW_ANSWER comes as a new message (Telegram notifies of it).
        answer = call["method"] in ("editMessageText", "sendMessage")
        if answer and call["status"] == 200 and call["params"].get("reply_markup"):
            done.setdefault(int(call["params"]["chat_id"]), []).append(float(call["time"]))
    for times in done.values():
        times.sort()
    return done


async def _measure(
    api: Any,
    sender: Sender,
    name: str,
    schedule: Sequence[tuple[float, int]],
    timeout: float,  # noqa: ASYNC109 (a deadline for the whole run, not one await)
) -> Run:
    after = len(api.requests())
    queued = await _offer(api, sender, schedule)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await asyncio.sleep(0.05)
        if sum(map(len, _answered(api, after).values())) >= len(queued):
            break
    done = _answered(api, after)
    seen: dict[int, int] = {}
    latencies, finished = [], []
    for chat, at in queued:
        n = seen[chat] = seen.get(chat, -1) + 1
        if n < len(done.get(chat, ())):
            finished.append(done[chat][n])
            latencies.append((done[chat][n] - at) * 1000)
    if not latencies:
        raise RuntimeError(f"{name}: no message was answered within {timeout} s")
    finished.sort()
    first_queued = queued[0][1]
    if len(schedule) > 1 and schedule[-1][0] > 0:  # open loop: the rate replies kept up with
        span = finished[-1] - finished[0]
        rate = (len(finished) - 1) / span if span > 0 else float("nan")
    else:  # a burst: all of them, from the moment they were queued until the last reply
        rate = len(finished) / (finished[-1] - first_queued)
    lost = len(queued) - len(latencies)
    return Run(name, tuple(latencies), rate, first_queued, finished[-1], lost)


def _within(samples: list[tuple[float, float]], run: Run) -> list[float]:
    return [value for at, value in samples if run.started <= at <= run.ended + 0.1]


def _lag_in(samples: list[tuple[float, float]], run: Run) -> float:
    """The largest value (seconds) recorded while the run was going on, in ms."""
    return max(_within(samples, run), default=0.0) * 1000


def _open_loop() -> list[tuple[float, int]]:
    """Every user once per 1/RATE_PER_USER seconds, the users spread evenly over the period."""
    total = round(USERS * RATE_PER_USER * OPEN_LOOP_SECONDS)
    step = 1 / (USERS * RATE_PER_USER)
    return [(i * step, i % USERS) for i in range(total)]


def _burst() -> list[tuple[float, int]]:
    return [(0.0, user) for user in range(USERS)]


async def _bench() -> dict[str, Any]:
    from testkit.fake_telegram import FakeBotAPI

    sender = Sender(article_texts())
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotAPI(TOKEN) as api:
            # Start-up as deployed: `sourcecheck bot`, launch to its first getUpdates.
            startups = []
            for attempt in range(3):
                env = _env(Path(tmp) / f"start{attempt}", api)
                process, seconds = await _start_bot(api, ["-m", "checks.cli.main", "bot"], env)
                try:
                    startups.append(seconds * 1000)
                    if attempt == 0:
                        # The deployed flood limiter (30 Bot API calls/s): 50 pasted at once.
                        out["limited"] = await _measure(api, sender, "limited", _burst(), 60)
                finally:
                    await _stop(process)
            out["startup_ms"] = statistics.median(startups)

            # The bot's own capacity: the same bot with the flood limiter lifted.
            lag_file = Path(tmp) / "lag.json"
            env = _env(Path(tmp) / "load", api, BENCH_API_RATE="0", BENCH_LAG_FILE=str(lag_file))
            process, _ = await _start_bot(api, ["-m", "benchmarks.bench_bot", "serve"], env)
            try:
                out["first"] = await _measure(api, sender, "first", [(0.0, 0)], 30)
                out["open"] = await _measure(api, sender, "open", _open_loop(), 60)
                await asyncio.sleep(0.5)
                out["burst"] = await _measure(api, sender, "burst", _burst(), 60)
                out["rss_mb"] = _peak_rss_mb(process.pid)
            finally:
                await _stop(process)
            probed = json.loads(lag_file.read_text(encoding="utf-8"))
            for run in ("open", "burst"):
                out[f"lag_{run}_ms"] = _lag_in(probed["lag"], out[run])
                out[f"gc_{run}_ms"] = _lag_in(probed["gc"], out[run])
                out[f"gc_{run}_count"] = len(_within(probed["gc"], out[run]))
    return out


def bot_rows() -> list[Row]:
    found = asyncio.run(_bench())
    opened: Run = found["open"]
    burst: Run = found["burst"]
    limited: Run = found["limited"]
    load = f"{USERS} users x {RATE_PER_USER:g}/s"
    offered = USERS * RATE_PER_USER
    kept_up = opened.lost == 0 and opened.replies_per_s >= 0.98 * offered
    p95 = opened.percentile(0.95)
    rss = found["rss_mb"]
    return [
        Row("bot", "start to first poll (median of 3)", f"{found['startup_ms']:.0f} ms", "", None),
        Row("bot", "first reply after start", f"{found['first'].latencies_ms[0]:.1f} ms", "",
            None),
        Row("bot", f"{load}: replies/s", f"{opened.replies_per_s:.1f}", f"keeps up ({offered:g})",
            kept_up),
        Row("bot", f"{load}: p50 latency", f"{opened.percentile(0.5):.1f} ms", "", None),
        Row("bot", f"{load}: p95 latency", f"{p95:.1f} ms", "≤ 150 ms", p95 <= 150),
        Row("bot", f"{load}: event loop lag, max", f"{found['lag_open_ms']:.1f} ms", "", None),
        Row("bot", f"{load}: full GCs, longest",
            f"{found['gc_open_count']}, {found['gc_open_ms']:.1f} ms", "", None),
        Row("bot", f"{USERS} at once: replies/s", f"{burst.replies_per_s:.1f}", "≥ 50",
            burst.replies_per_s >= 50 and burst.lost == 0),
        Row("bot", f"{USERS} at once: p50 / p95 latency",
            f"{burst.percentile(0.5):.0f} / {burst.percentile(0.95):.0f} ms", "", None),
        Row("bot", f"{USERS} at once: event loop lag, max", f"{found['lag_burst_ms']:.1f} ms",
            "", None),
        Row("bot", "peak RSS (VmHWM)", f"{rss:.0f} MB", "≤ 200 MB", rss <= 200),
        Row("bot", f"{USERS} at once, 30 calls/s limiter: replies/s",
            f"{limited.replies_per_s:.1f}", "(flood limit)", None),
        Row("bot", f"{USERS} at once, 30 calls/s limiter: p95",
            f"{limited.percentile(0.95):.0f} ms", "", None),
    ]  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        sys.exit(serve_main())
    from benchmarks.run import render

    print(render(bot_rows()))
