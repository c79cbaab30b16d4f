#!/usr/bin/env python3
"""Benchmarks `salesc lsp` as an editor drives it: one generated file of about 5,000 lines
(bench/gen_corpus.py), then a workspace of 50 files.

  bench/lsp_bench.py [--salesc build/bin/salesc] [--lines 5000] [--edits 30] [--files 50]

For the big file it measures, from the moment the message is written on the server's
standard input to the moment its answer is read from its standard output (the client's view):
  - diagnostics after an edit: a didChange typing one letter into a description, until the
    publishDiagnostics for that version arrives;
  - hover on a stage name and completion after `next ` right after such an edit (the first
    request after an edit builds what it needs), and again without an edit in between;
  - inlay hints right after an edit.
Then it opens 50 generated files of 100 lines or so (each importing std/tactics) and reads
the server's peak resident memory (VmHWM in /proc/PID/status).

Targets (issue 12): diagnostics within 50 ms after an edit in a 5,000-line file; hover and
completion within 20 ms; memory under 100 MiB for a workspace of 50 files. The load average
is printed before and after: on a shared machine, figures taken under load mean little.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402


class Server:
    def __init__(self, salesc, cwd):
        self.p = subprocess.Popen([salesc, "lsp", "--stdlib", os.path.join(ROOT, "stdlib")],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, cwd=cwd)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError("salesc lsp closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.p.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        rid = self.next_id
        start = time.perf_counter()
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == rid and "method" not in m:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result"), time.perf_counter() - start

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diagnostics(self, uri, start, version=None):
        while True:
            m = self.read()
            if m.get("method") == "textDocument/publishDiagnostics" and \
                    m["params"]["uri"] == uri and \
                    (version is None or m["params"].get("version") in (None, version)):
                return m["params"], time.perf_counter() - start

    def peak_kib(self):
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.p.wait(timeout=10)


def generate_lines(lines, seed=1):
    processes = 1
    while True:
        text = gen_corpus.generate(processes, 12, seed)
        if text.count("\n") >= lines:
            return text
        processes += 1


def position_of(text, needle, offset=0):
    i = text.index(needle)
    before = text[:i + offset]
    return {"line": before.count("\n"), "character": len(before) - before.rfind("\n") - 1}


def timed_after_edit(server, method, params, after, warm):
    """Times `method` right after an edit (into `after`), then three times more (`warm`)."""
    result, t = server.request(method, params)
    assert result, "no answer to %s at %s" % (method, params["position"])
    after.append(t)
    for _ in range(3):
        warm.append(server.request(method, params)[1])


def ms(xs):
    return "median %.1f ms, P90 %.1f ms, max %.1f ms" % (
        statistics.median(xs) * 1000, sorted(xs)[int(0.9 * (len(xs) - 1))] * 1000,
        max(xs) * 1000)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--salesc", default=os.path.join(ROOT, "build", "bin", "salesc"))
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--files", type=int, default=50)
    args = ap.parse_args()
    print("load average before: %s (%d cores)" % (" ".join(open("/proc/loadavg").read().split()[:3]),
                                                  os.cpu_count()))
    with tempfile.TemporaryDirectory() as work:
        text = generate_lines(args.lines)
        path = os.path.join(work, "big.sales")
        with open(path, "w") as f:
            f.write(text)
        uri = "file://" + path
        s = Server(args.salesc, work)
        s.request("initialize", {"processId": None, "rootUri": "file://" + work,
                                 "capabilities": {}})
        s.notify("initialized", {})
        start = time.perf_counter()
        s.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "sales", "version": 1, "text": text}})
        opened, open_time = s.wait_diagnostics(uri, start)
        if opened["diagnostics"]:
            sys.exit("the generated file has diagnostics: %s" % opened["diagnostics"][:2])
        print("%d lines, %d bytes; open to diagnostics: %.1f ms" % (
            text.count("\n"), len(text), open_time * 1000))

        # A letter typed into the first description, again and again.
        where = position_of(text, 'knowledge k0 "', len('knowledge k0 "'))
        stage = position_of(text, "stage s", len("stage s"))
        nxt = position_of(text, "next ", len("next "))
        diag_t, hover_after, hover_warm, complete_after, complete_warm, hints_after = \
            [], [], [], [], [], []
        version = 1
        for i in range(args.edits):
            version += 1
            start = time.perf_counter()
            s.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": where, "end": where}, "text": "x"}]})
            published, t = s.wait_diagnostics(uri, start, version)
            if published["diagnostics"]:
                sys.exit("an edit gave diagnostics: %s" % published["diagnostics"][:2])
            diag_t.append(t)
            doc = {"textDocument": {"uri": uri}}
            kind = i % 3
            if kind == 0:
                timed_after_edit(s, "textDocument/hover", dict(doc, position=stage),
                                 hover_after, hover_warm)
            elif kind == 1:
                timed_after_edit(s, "textDocument/completion", dict(doc, position=nxt),
                                 complete_after, complete_warm)
            else:
                end = {"line": text.count("\n") + 1, "character": 0}
                _, t = s.request("textDocument/inlayHint",
                                 dict(doc, range={"start": {"line": 0, "character": 0},
                                                  "end": end}))
                hints_after.append(t)
        print("diagnostics after an edit (%d edits): %s" % (len(diag_t), ms(diag_t)))
        print("hover right after an edit:            %s" % ms(hover_after))
        print("hover, no edit in between:            %s" % ms(hover_warm))
        print("completion right after an edit:       %s" % ms(complete_after))
        print("completion, no edit in between:       %s" % ms(complete_warm))
        print("inlay hints right after an edit:      %s" % ms(hints_after))
        print("peak memory with the big file open: %.1f MiB" % (s.peak_kib() / 1024))
        s.close()

        # A workspace of 50 files, all open.
        s = Server(args.salesc, work)
        s.request("initialize", {"processId": None, "rootUri": "file://" + work,
                                 "capabilities": {}})
        s.notify("initialized", {})
        total_lines = 0
        for k in range(args.files):
            body = gen_corpus.generate(1, 12, k + 2)
            total_lines += body.count("\n")
            p = os.path.join(work, "w%02d.sales" % k)
            with open(p, "w") as f:
                f.write(body)
            start = time.perf_counter()
            s.notify("textDocument/didOpen", {"textDocument": {
                "uri": "file://" + p, "languageId": "sales", "version": 1, "text": body}})
            s.wait_diagnostics("file://" + p, start)
        s.request("textDocument/hover", {"textDocument": {"uri": "file://" + p},
                                         "position": position_of(body, "stage s", 7)})
        print("%d files open (%d lines): peak memory %.1f MiB" % (
            args.files, total_lines, s.peak_kib() / 1024))
        s.close()
    print("load average after: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))


if __name__ == "__main__":
    main()
