#!/usr/bin/env python3
"""Save-to-reloaded-page latency of `policyglot serve` on the real site.

Starts the release binary on a copy of the real project, connects to the event stream
an open page listens to (/_preview/events), then repeatedly rewrites a French message
and times, from the moment the file is written:
  event  - the `state` event telling the open page that its content changed;
  served - the new page fetched and checked to hold the new text (what the reloading
           page gets).
Prints medians and ranges, then a Markdown row for BENCHMARKS.md.

    bench/serve-latency.py             # release build, 40 edits
    bench/serve-latency.py --edits 100 --no-build
"""

import argparse
import json
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = "fr/data-retention.html"
FILE = "locales/fr/retention.ftl"
ORIGINAL = "nous les conservons pendant { $period }."
# Two texts to alternate between: every edit changes the page (no digits: translations
# may not type numbers).
VARIANTS = [
    "nous les gardons pendant { $period } au plus.",
    "nous les conservons pendant { $period } au maximum.",
]


def lines(stream, sink):
    for line in stream:
        sink.append(line)


def events(sock, out):
    """Pushes (arrival time, state) for every `state` event until the stream ends."""
    reader = sock.makefile("rb")
    while reader.readline() not in (b"\r\n", b""):
        pass  # response head
    event, data = None, []
    for raw in reader:
        line = raw.decode().rstrip("\r\n")
        if not line:
            if event == "state":
                out.put((time.perf_counter(), json.loads("".join(data))))
            event, data = None, []
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].lstrip(" "))


def get(addr, path):
    with socket.create_connection(addr) as s:
        s.sendall(f"GET {path} HTTP/1.0\r\nHost: {addr[0]}\r\n\r\n".encode())
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode()


def summary(name, values):
    values = sorted(values)
    p90 = values[int(round(0.9 * (len(values) - 1)))]
    print(
        f"{name:>7}: median {statistics.median(values):6.1f} ms   p90 {p90:6.1f} ms   "
        f"min {values[0]:6.1f} ms   max {values[-1]:6.1f} ms"
    )
    return statistics.median(values), values[0], values[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between edits")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--locked", "-q"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "policyglot")
    work = tempfile.mkdtemp(prefix="policyglot-serve-bench-")
    server = None
    try:
        for part in ("policy", "locales", "templates"):
            shutil.copytree(os.path.join(ROOT, part), os.path.join(work, part))
        server = subprocess.Popen(
            [binary, "--root", work, "serve", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        out, err = [], []
        threading.Thread(target=lines, args=(server.stdout, out), daemon=True).start()
        threading.Thread(target=lines, args=(server.stderr, err), daemon=True).start()
        started = time.monotonic()
        while not any("serving http://" in l for l in out):
            if server.poll() is not None or time.monotonic() - started > 30:
                sys.exit("serve did not start:\n" + "".join(out + err))
            time.sleep(0.01)
        host, port = re.search(r"serving http://([\d.]+):(\d+)/", "".join(out)).groups()
        addr = (host, int(port))

        states = queue.Queue()
        sse = socket.create_connection(addr)
        sse.sendall(f"GET /_preview/events HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        threading.Thread(target=events, args=(sse, states), daemon=True).start()
        _, state = states.get(timeout=10)
        current = state["pages"][PAGE]

        path = os.path.join(work, FILE)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        previous = ORIGINAL
        event_ms, served_ms = [], []
        for i in range(args.edits):
            new = VARIANTS[i % 2]
            text = text.replace(previous, new, 1)
            previous = new
            time.sleep(args.pause)
            t0 = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            while True:
                at, state = states.get(timeout=10)
                if state["errors"]:
                    sys.exit(f"the edit broke the build: {state['errors']}")
                if state["pages"].get(PAGE) != current:
                    current = state["pages"][PAGE]
                    break
            status, body = get(addr, "/" + PAGE)
            t2 = time.perf_counter()
            expected = new.replace(" { $period }", " 30\u00a0jours").replace("\u00a0", "&nbsp;")
            if status != 200 or expected not in body:
                sys.exit(f"edit {i}: the served page lacks {expected!r}")
            event_ms.append((at - t0) * 1000)
            served_ms.append((t2 - t0) * 1000)

        rebuilds = [int(m) for m in re.findall(r"rebuilt in (\d+) ms", "".join(out))]
        print(f"{args.edits} edits of {FILE}, {args.pause}s apart; page {PAGE}")
        summary("event", event_ms)
        median, low, high = summary("served", served_ms)
        if rebuilds:
            print(f"rebuild (as serve reports it): median {statistics.median(rebuilds)} ms")
        print()
        print(
            f"| `policyglot serve`: save → new page served (real site) | {median:.1f} ms "
            f"| {low:.1f}–{high:.1f} ms | {args.edits} |"
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
