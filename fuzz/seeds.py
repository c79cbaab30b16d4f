#!/usr/bin/env python3
"""Gathers the seeds and writes the dictionaries of the fuzz targets (fuzz/run.sh runs it).

  fuzz/seeds.py SOURCE_DIR WORK_DIR

Seeds come from the source tree as it is, so nothing is copied into the repository:

  frontend      every .sales file of tests/ (output file tests whole: the front-end target
                reads their `// --- NAME` files), examples/ and stdlib/
  tables        the golden tables.json of the examples, and the tables.json files of the
                output file tests
  pipeline_csv  examples/data/*pipeline*.csv, and the CSV files of the output file tests
                whose header has an `entered` column
  events_csv    examples/data/*events*.csv, and the CSV files of the output file tests
                whose header has a `timestamp` column
  export        the example's event log and pipeline written as each CRM writes them (a
                Salesforce history with day-first dates and pound amounts, a HubSpot wide
                deals export, a Pipedrive deals export), and read with a mapping file that
                sets every key; the first byte picks the preset and the kind
                (fuzz/ExportFuzzer.cpp)

plus fuzz/regressions/TARGET/*, the inputs that once broke a target. They are written to
WORK_DIR/seeds/TARGET/ (emptied first), and the list of targets with their dictionaries to
WORK_DIR/targets, one "TARGET DICT" a line. The dictionaries, in WORK_DIR/dict/, are made from
what defines the formats, so they follow them: sales.dict from the keyword registry
(compiler/parse/Keywords.def) and the language's punctuation and units; tables.dict from
the property names and constants of the JSON Schema of tables.json; csv.dict from the
loaders' column names and the quickstart's state names.
"""
import json
import pathlib
import re
import shutil
import sys

# Every fuzz target (fuzz/CMakeLists.txt builds fuzz_NAME) and its dictionary; run.sh reads
# this list from WORK_DIR/targets.
TARGETS = {
    "frontend": "sales.dict",
    "tables": "tables.dict",
    "pipeline_csv": "csv.dict",
    "events_csv": "csv.dict",
    "export": "export.dict",
}

# fuzz/ExportFuzzer.cpp's first byte: the preset (0: none; then rt::exportPresetNames'
# order) plus 6 for open deals rather than a stage history.
PRESETS = ["salesforce", "hubspot", "pipedrive", "dynamics", "zoho"]


def export_seed(preset, pipeline, text, mapping=""):
    pick = PRESETS.index(preset) + 1 if preset else 0
    head = bytes([pick + (6 if pipeline else 0)])
    return head + ((mapping + "\n%%\n") if mapping else "").encode() + text.encode()


def export_seeds(src):
    """{seed name: bytes}: the example's log and pipeline as CRMs export them."""
    labels = {"inquiry": "Prospecting", "rep_call": "Qualification",
              "demo": "Needs Analysis", "proposal": "Proposal/Price Quote",
              "signed": "Closed Won", "lost": "Closed Lost"}
    events = (src / "examples/data/quickstart-events.csv").read_text().splitlines()[1:81]
    rows = [line.split(",") for line in events]
    seeds = {}
    sf = ['"Id","OpportunityId","CreatedDate","StageName","Amount"']
    for i, (deal, stage, ts) in enumerate(rows):
        when = "%s/%s/%s %s" % (ts[8:10], ts[5:7], ts[0:4], ts[11:16])
        sf.append('"h%d","%s","%s","%s","\u00a312,500.00"' % (i, deal, when, labels[stage]))
    seeds["salesforce-history.csv"] = export_seed("salesforce", False, "\n".join(sf) + "\n")
    wide = {}
    for deal, stage, ts in rows:
        wide.setdefault(deal, {})[stage] = ts[:10]
    stages = list(labels)
    hub = ["Record ID,Deal Name,Amount,Pipeline," +
           ",".join('Date entered "%s (Sales Pipeline)"' % labels[s] for s in stages)]
    for deal, dates in wide.items():
        hub.append("%s,Deal %s,1000,Sales Pipeline,%s" %
                   (deal, deal, ",".join(dates.get(s, "") for s in stages)))
    seeds["hubspot-deals.csv"] = export_seed("hubspot", False, "\n".join(hub) + "\n")
    pipeline = (src / "examples/data/quickstart-pipeline.csv").read_text().splitlines()[1:41]
    pd = ["Deal - ID;Deal - Title;Deal - Value;Deal - Currency of Value;Deal - Stage;"
          "Deal - Status;Deal - Last stage change"]
    for line in pipeline:
        deal, stage, entered, value = line.split(",")
        pd.append("%s;Deal %s;%s;EUR;%s;Open;%s.%s.%s 09:00" %
                  (deal, deal, value.replace(".", ",") if value else "",
                   labels[stage], entered[8:10], entered[5:7], entered[0:4]))
    seeds["pipedrive-deals.csv"] = export_seed("pipedrive", True, "\n".join(pd) + "\n")
    mapping = "\n".join([
        "layout: long",
        "columns: {deal: Opp, stage: Phase, timestamp: [Changed, Created], value: Worth,",
        "  currency: Cur, segment: Seg, process: Pipe, lost_reason: Why, status: State}",
        "stages: {Neu: inquiry, Gewonnen: signed, Verloren: lost}",
        "lost_reasons: {Zu teuer: lost}",
        'dates: {format: "%d.%m.%Y %H:%M", timezone: "+01:00"}',
        'numbers: {decimal: ",", thousands: "."}',
        'delimiter: ";"',
        "open_status: [Offen, Open]"])
    generic = ["Opp;Phase;Changed;Created;Worth;Cur;Seg;Pipe;Why;State"]
    for deal, stage, ts in rows[:30]:
        generic.append("%s;%s;%s.%s.%s %s;;1.250,00;EUR;;direct_consulting;;Offen" %
                       (deal, {"inquiry": "Neu", "signed": "Gewonnen", "lost": "Verloren"}
                        .get(stage, stage), ts[8:10], ts[5:7], ts[0:4], ts[11:16]))
    text = "\n".join(generic) + '\n\n"Grand Totals (30 records)"\n'
    seeds["map-history.csv"] = export_seed(None, False, text, mapping)
    seeds["map-pipeline.csv"] = export_seed(None, True, text, mapping)
    return seeds


def embedded_files(test):
    """The `// --- NAME` files of an output file test: (name, text) pairs."""
    files, name, lines = [], None, []
    for line in test.splitlines(keepends=True):
        if line.startswith("// CHECK:"):
            break
        if line.startswith("// --- "):
            if name is not None:
                files.append((name, "".join(lines)))
            name, lines = line[len("// --- "):].strip(), []
        elif name is not None:
            lines.append(line)
    if name is not None:
        files.append((name, "".join(lines)))
    return files


def csv_target(text):
    header = [c.strip().lower() for c in text.lstrip("\ufeff").splitlines()[0].split(",")] \
        if text.strip() else []
    if "timestamp" in header:
        return "events_csv"
    if "entered" in header:
        return "pipeline_csv"
    return None


def gather(src):
    """{target: {seed name: bytes}}."""
    seeds = {t: {} for t in TARGETS}

    def add(target, path, data):
        name = str(path).replace("/", "__")
        seeds[target][name] = data if isinstance(data, bytes) else data.encode()

    for folder in ("tests", "examples", "stdlib"):
        for path in sorted((src / folder).rglob("*.sales")):
            rel = path.relative_to(src)
            data = path.read_bytes()
            add("frontend", rel, data)
            if not rel.parts[:2] == ("tests", "output"):
                continue
            for name, text in embedded_files(data.decode("utf-8", "replace")):
                if name.endswith(".json"):
                    add("tables", f"{rel}/{name}", text)
                elif name.endswith(".csv") and csv_target(text):
                    add(csv_target(text), f"{rel}/{name}", text)
    for path in sorted((src / "tests" / "golden").glob("*/tables.json")):
        add("tables", path.relative_to(src), path.read_bytes())
    for path in sorted((src / "examples" / "data").glob("*.csv")):
        target = csv_target(path.read_text())
        if target:
            add(target, path.relative_to(src), path.read_bytes())
    for name, data in export_seeds(src).items():
        seeds["export"][name] = data
    for target in TARGETS:
        for path in sorted((src / "fuzz" / "regressions" / target).glob("*")):
            add(target, path.relative_to(src), path.read_bytes())
    return seeds


def entry(value):
    """A libFuzzer dictionary value: quoted, with \\, " and non-printable bytes escaped."""
    out = []
    for b in value.encode():
        c = chr(b)
        if c in '\\"':
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append(f"\\x{b:02X}")
    return '"' + "".join(out) + '"'


def write_dict(path, values):
    lines = [entry(v) for v in dict.fromkeys(values)]  # unique, in order
    path.write_text("\n".join(lines) + "\n")


def sales_dict(src):
    keywords = re.findall(r'^KEYWORD\(\w+, "([^"]+)"',
                          (src / "compiler/parse/Keywords.def").read_text(), re.M)
    punctuation = ["{", "}", ";", ",", "%", '"', "//", "/*", "*/", "\\\\", "\\\"",
                   "\n// --- lib.sales\n", 'import "lib";', 'import "std/tactics";']
    words = ["hours", "days", "weeks", "months", "USD", "EUR", "to", "typical", "100%", "0%",
             "1e15", "36500"]
    return keywords + punctuation + words


def tables_dict(src):
    schema = json.loads((src / "runtime/schema/salesc-tables-v2.schema.json").read_text())
    keys, constants = [], []

    def walk(node):
        if isinstance(node, dict):
            keys.extend(node.get("properties", {}))
            constants.extend(str(v) for v in node.get("enum", []))
            if "const" in node:
                constants.append(str(node["const"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return ([f'"{k}":' for k in keys] + [f'"{c}"' for c in constants] +
            ["{", "}", "[", "]", ",", "null", "true", "false", "-0", "1e308", "0.5", "1e-9"])


def csv_dict(src):
    tables = json.loads((src / "tests/golden/quickstart/tables.json").read_text())
    states = [s["name"] for p in tables["processes"] for s in p["states"]]
    return (["deal", "stage", "entered", "value", "timestamp", ",", '"', '""', "\r\n",
             "\ufeff", "2024-02-29", "1970-01-01", "T09:00", ":30.5", "Z", "+01:00", "-12:00"]
            + states)


def export_dict(src):
    """The mapping file's keys and the presets' column names and CRM labels."""
    presets = (src / "runtime/lib/ExportPresets.cpp").read_text()
    names = [n.strip().strip("'\"") for group in re.findall(r"\[([^\]]*)\]", presets)
             for n in group.split(",")]
    keys = ["layout:", "columns:", "stage_columns:", "stages:", "lost_reasons:", "dates:",
            "format:", "timezone:", "numbers:", "decimal:", "thousands:", "delimiter:",
            "open_status:", "deal:", "stage:", "timestamp:", "value:", "currency:",
            "segment:", "process:", "lost_reason:", "status:", "long", "wide", "\n%%\n"]
    labels = re.findall(r'"([^"]+)"', "\n".join(
        line for line in (src / "examples/quickstart.sales").read_text().splitlines()
        if "crm" in line))
    return (keys + [n for n in names if n] + labels +
            ["%d/%m/%Y %H:%M", "%m/%d/%y %I:%M %p", "+05:30", "Closed Won", "Closed Lost",
             "Open", "Won", "Lost", "\u00a3", "\u20ac", "1.250,00", "12,500.00", "Grand Totals (",
             " records)", ";", "\t", '""', "*"])


def main():
    src, work = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
    for target, files in gather(src).items():
        folder = work / "seeds" / target
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        print(f"seeds: {len(files)} for {target}")
    (work / "targets").write_text("".join(f"{t} {d}\n" for t, d in TARGETS.items()))
    (work / "dict").mkdir(parents=True, exist_ok=True)
    write_dict(work / "dict" / "sales.dict", sales_dict(src))
    write_dict(work / "dict" / "tables.dict", tables_dict(src))
    write_dict(work / "dict" / "csv.dict", csv_dict(src))
    write_dict(work / "dict" / "export.dict", export_dict(src))


if __name__ == "__main__":
    main()
