"""Writes one process of generated stages, the form of gen_dense.py and gen_chain.py."""


def write(path, name, stages, start=None):
    """Writes `process NAME { ... }` to PATH: `start START;` when given, then each stage
    of STAGES, a list of (stage name, lines inside its braces), then the outcomes
    `won won;` and `lost lost;`."""
    lines = ["process %s {" % name]
    if start:
        lines.append("  start %s;" % start)
    for stage, body in stages:
        lines.append("  stage %s {" % stage)
        lines += ["    " + line for line in body]
        lines.append("  }")
    lines += ["  won won;", "  lost lost;", "}"]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
