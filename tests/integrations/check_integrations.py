#!/usr/bin/env python3
"""The integrations of docs/ci.md work as written: .pre-commit-hooks.yaml, action.yml and
every YAML example of docs/ci.md (ctest Integrations).

Usage: check_integrations.py SALESC SOURCE_DIR

- each pre-commit hook is run as pre-commit runs a `language: system` hook (its entry, then
  the staged files its `files` pattern matches), with `salesc` the built binary;
- the composite action's `run` steps are run as GitHub runs them (bash -eo pipefail, the
  `${{ ... }}` expressions replaced, GITHUB_OUTPUT a file), on a folder with a clean and a
  broken file; its `uses` steps must name a major version;
- every ```yaml block of docs/ci.md must parse; the pre-commit configuration must name the
  hooks of .pre-commit-hooks.yaml; every salesc command a workflow runs is run on a folder
  of clean processes, and its output must be what its --format says.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom

import yaml

SALESC, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def expect(condition, message):
    if not condition:
        fail(message)


CLEAN = open(os.path.join(SOURCE, "examples", "quickstart.sales"), encoding="utf-8").read()
BROKEN = CLEAN.replace("next demo 45%", "next dmeo 45%")
assert BROKEN != CLEAN
UNFORMATTED = "process p {\n        stage a {time 1 day;next won 50%;}\n won won;\n  lost lost;\n}\n"


def folder(files):
    """A temporary folder holding `files` (name -> text)."""
    d = tempfile.mkdtemp(prefix="salesc-integrations-")
    for name, text in files.items():
        path = os.path.join(d, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return d


def run(argv, cwd, env=None):
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def salesc_argv(words):
    """`words` with the program `salesc` (or a path ending in /salesc) as the built binary."""
    return [SALESC if w == "salesc" or w.endswith("/bin/salesc") else w for w in words]


# --- .pre-commit-hooks.yaml ---------------------------------------------------------------
def check_pre_commit_hooks():
    hooks = yaml.safe_load(open(os.path.join(SOURCE, ".pre-commit-hooks.yaml"), encoding="utf-8"))
    ids = {h["id"]: h for h in hooks}
    expect(set(ids) == {"salesc-check", "salesc-fmt"}, f"hook ids: {sorted(ids)}")
    for h in hooks:
        for key in ("id", "name", "entry", "language", "files"):
            expect(key in h, f"hook {h.get('id')} has no '{key}'")
        pattern = re.compile(h["files"])
        expect(pattern.search("processes/direct.sales"), f"{h['id']}: files misses .sales")
        expect(not pattern.search("README.md"), f"{h['id']}: files takes README.md")
    entry = salesc_argv(shlex.split(ids["salesc-check"]["entry"]))
    d = folder({"good.sales": CLEAN, "bad.sales": BROKEN})
    expect(run(entry + ["good.sales"], d).returncode == 0, "salesc-check fails a clean file")
    r = run(entry + ["good.sales", "bad.sales"], d)
    expect(r.returncode == 1 and "dmeo" in r.stderr, f"salesc-check on a mistake: {r.returncode}")
    entry = salesc_argv(shlex.split(ids["salesc-fmt"]["entry"]))
    d = folder({"p.sales": UNFORMATTED})
    r = run(entry + ["p.sales"], d)
    once = open(os.path.join(d, "p.sales"), encoding="utf-8").read()
    expect(r.returncode == 0 and once != UNFORMATTED, f"salesc-fmt did not rewrite: {r.stderr}")
    run(entry + ["p.sales"], d)
    twice = open(os.path.join(d, "p.sales"), encoding="utf-8").read()
    expect(once == twice, "salesc-fmt rewrites a formatted file")


# --- action.yml -----------------------------------------------------------------------------
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def run_action(inputs, workspace):
    """Runs the composite action's `run` steps as GitHub does; returns the last status,
    the stdout of the steps and their outputs."""
    action = yaml.safe_load(open(os.path.join(SOURCE, "action.yml"), encoding="utf-8"))
    expect(action["runs"]["using"] == "composite", "action.yml is not a composite action")
    values = {f"inputs.{k}": str(v.get("default", "")) for k, v in action["inputs"].items()}
    values.update({f"inputs.{k}": v for k, v in inputs.items()})
    values["github.action_path"] = SOURCE
    outputs, stdout, status = {}, "", 0
    for step in action["runs"]["steps"]:
        if "uses" in step:
            expect(re.search(r"@v\d+$", step["uses"]), f"step uses {step['uses']} unpinned")
            continue
        expect(step.get("shell") == "bash", f"step {step.get('name')} has no shell: bash")

        def value(m):
            key = m.group(1)
            if key not in values:
                fail(f"action.yml: unknown expression {key}")
            return values.get(key, "")

        env = dict(os.environ)
        env.update({k: EXPRESSION.sub(value, str(v)) for k, v in step.get("env", {}).items()})
        out_file = os.path.join(workspace, ".github_output")
        open(out_file, "w").close()
        env["GITHUB_OUTPUT"] = out_file
        script = EXPRESSION.sub(value, step["run"])
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                           cwd=workspace, env=env, capture_output=True, text=True, timeout=120)
        stdout += r.stdout
        status = r.returncode
        for line in open(out_file, encoding="utf-8"):
            name, _, val = line.rstrip("\n").partition("=")
            outputs[name] = val
            values[f"steps.{step['id']}.outputs.{name}"] = val
        if status != 0:
            break
    return status, stdout, outputs


def check_action():
    d = folder({"processes/good.sales": CLEAN})
    status, out, outputs = run_action({"salesc": SALESC, "paths": "processes"}, d)
    expect(status == 0, f"the action fails clean processes ({status})")
    log = json.load(open(os.path.join(d, outputs.get("sarif", "salesc.sarif")), encoding="utf-8"))
    expect(log.get("version") == "2.1.0" and log["runs"][0]["results"] == [],
           "the action's SARIF log of clean processes")
    d = folder({"processes/good.sales": CLEAN, "processes/bad.sales": BROKEN})
    status, out, outputs = run_action({"salesc": SALESC, "paths": "processes"}, d)
    expect(status == 1, f"the action passes a broken file ({status})")
    expect("::error file=processes/bad.sales" in out, "no annotation for the broken file")
    log = json.load(open(os.path.join(d, "salesc.sarif"), encoding="utf-8"))
    expect(len(log["runs"][0]["results"]) >= 1, "no SARIF result for the broken file")


# --- docs/ci.md -------------------------------------------------------------------------------
def salesc_commands(document):
    """The salesc command lines of a workflow (its `run` and `script` entries)."""
    lines = []

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("run", "script", "entry"):
                    for s in v if isinstance(v, list) else [v]:
                        lines.extend(str(s).splitlines())
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(document)
    return [l.strip() for l in lines if re.search(r"(^|/)salesc ", l.strip())]


def check_docs():
    text = open(os.path.join(SOURCE, "docs", "ci.md"), encoding="utf-8").read()
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    expect(len(blocks) >= 3, f"docs/ci.md has {len(blocks)} YAML examples")
    hook_ids = {h["id"] for h in yaml.safe_load(open(os.path.join(SOURCE, ".pre-commit-hooks.yaml")))}
    ran = 0
    for block in blocks:
        try:
            doc = yaml.safe_load(block)
        except yaml.YAMLError as e:
            fail(f"docs/ci.md: a YAML example does not parse: {e}")
            continue
        if isinstance(doc, dict) and "repos" in doc:
            for repo in doc["repos"]:
                for hook in repo["hooks"]:
                    expect(hook["id"] in hook_ids, f"docs/ci.md names hook {hook['id']}")
        for line in salesc_commands(doc):
            words = shlex.split(line)
            redirect = None
            if ">" in words:
                redirect = words[words.index(">") + 1]
                words = words[: words.index(">")]
            start = next(i for i, w in enumerate(words) if w == "salesc" or w.endswith("/salesc"))
            argv = salesc_argv(words[start:])
            d = folder({"processes/good.sales": CLEAN})
            for w in argv:  # the baseline a project commits, here an empty one
                if w.startswith("--baseline="):
                    path = os.path.join(d, w.split("=", 1)[1])
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "w", encoding="utf-8") as f:
                        f.write('{"files": {}, "version": 1}\n')
            r = run(argv, d)
            ran += 1
            expect(r.returncode == 0, f"docs/ci.md: `{line}` fails clean processes: {r.stderr}")
            fmt = next((w.split("=", 1)[1] for w in argv if w.startswith("--format=")), "text")
            if fmt == "sarif":
                expect(json.loads(r.stdout)["version"] == "2.1.0", f"`{line}`: not SARIF")
            elif fmt == "junit":
                xml.dom.minidom.parseString(r.stdout)
            if redirect:
                expect(r.stdout != "", f"`{line}` writes nothing to {redirect}")
    expect(ran >= 3, f"docs/ci.md: only {ran} salesc commands found in its workflows")


for check in (check_pre_commit_hooks, check_action, check_docs):
    try:
        check()
    except Exception as e:  # a broken file must fail the test, not crash it unreported
        fail(f"{check.__name__}: {type(e).__name__}: {e}")
print("integrations: " + ("ok" if not failures else f"{len(failures)} failures"))
sys.exit(1 if failures else 0)
