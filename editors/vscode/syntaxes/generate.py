#!/usr/bin/env python3
"""Writes syntaxes/sales.tmLanguage.json, the TextMate grammar of .sales files, from the rules
below: the JSON repeats the same terminators and list rules many times, so they are written
once here. Run it after a change (`python3 syntaxes/generate.py`); `--check` exits 1 when the
JSON differs from what it would write (the VsCodeGrammar test runs that).

Scopes: keywords `keyword.*` (declarations `keyword.declaration.KIND`, the flow of prospects
`keyword.control.next|otherwise`), a name where it is declared `entity.name.*`, a name used
`variable.other.KIND`, descriptions `string.*`, numbers `constant.numeric.*` (a percentage, a
time with its unit, an amount with its currency: the unit and the currency also
`keyword.other.unit.*`, which themes colour as numbers), comments `comment.*`.
"""
import json
import pathlib
import sys

NAME = r"[A-Za-z][A-Za-z0-9_]*"
NUM = r"\d(?:_?\d)*(?:\.\d(?:_?\d)*)?"
TOPKW = "import|channel|offering|knowledge|literature|tool|tactic|role|team|brand|process|campaign"
# A top-level statement ends at its ';', or before the next line that starts a declaration
# (a missing ';' then spoils one statement, not the rest of the file). A line starting with
# `category NAME` and no description continues a tactic (`  category outreach conveys ...;`).
TOP_NEXT = r"^\s*(?:(?:%s)\b|category\s+%s\s*[\"“”])" % (TOPKW, NAME)
STAGE_KW = "learn|provide|use|time|stalled|next|otherwise|owner|exit|signoff|crm"
BODY_KW = ("brand|value|target|margin|start|stage|won|lost|remove|segment|values|forbid|require|max|needs|"
           "process|leads|cost|enters")
# A statement inside a block ends at its ';', before the block's '}', or before a line that
# starts another statement of the same block.
def body_end(kws):
    return r"(;)|(?=\}|^\s*(?:%s)\b)" % kws
STAGE_END = body_end(STAGE_KW)
PROC_END = body_end(BODY_KW)
TOP_END = r"(;)|(?=%s)" % TOP_NEXT
SEMI = {"1": {"name": "punctuation.terminator.statement.sales"}}

def inc(*names):
    return [{"include": "#" + n} for n in names]

def list_rule(begin, caps, item, end, extra=()):
    return {
        "begin": begin,
        "beginCaptures": {str(i + 1): {"name": c} for i, c in enumerate(caps)},
        "end": end,
        "endCaptures": SEMI,
        "patterns": inc("comments") + [{"match": r"\b%s\b" % NAME, "name": item}] + inc("comma", *extra),
    }

def block(body):
    return {
        "begin": r"\{",
        "beginCaptures": {"0": {"name": "punctuation.section.block.begin.sales"}},
        "end": r"\}",
        "endCaptures": {"0": {"name": "punctuation.section.block.end.sales"}},
        "patterns": inc(body),
    }

def decl(kw, name_scope, end, patterns):
    return {
        "begin": r"\b(%s)\b(?:\s+(%s))?" % (kw, NAME),
        "beginCaptures": {"1": {"name": "keyword.declaration.%s.sales" % kw}, "2": {"name": name_scope}},
        "end": end,
        "endCaptures": SEMI,
        "patterns": patterns,
    }

def ref(kw, kw_scope, item):
    """`KEYWORD NAME`: a keyword and the name it refers to."""
    return {
        "match": r"\b(%s)\b(?:\s+(%s))?" % (kw, NAME),
        "captures": {"1": {"name": kw_scope}, "2": {"name": item}},
    }

CLAUSE_END = r"(?=[;{}]|\b(?:via|conveys|teaches|category|extends)\b|%s)" % TOP_NEXT
BLOCK_DECL_END = r"(?<=\})|" + TOP_END

simple_kinds = ["channel", "offering", "knowledge", "literature", "tool", "category", "tactic", "team"]

repo = {
    "comments": {"patterns": [
        {"begin": r"/\*", "beginCaptures": {"0": {"name": "punctuation.definition.comment.begin.sales"}},
         "end": r"\*/", "endCaptures": {"0": {"name": "punctuation.definition.comment.end.sales"}},
         "name": "comment.block.sales"},
        {"begin": r"//", "beginCaptures": {"0": {"name": "punctuation.definition.comment.sales"}},
         "end": r"$", "name": "comment.line.double-slash.sales"},
    ]},
    "strings": {"patterns": [
        {"begin": r"\"", "beginCaptures": {"0": {"name": "punctuation.definition.string.begin.sales"}},
         "end": r"(\")|$", "endCaptures": {"1": {"name": "punctuation.definition.string.end.sales"}},
         "name": "string.quoted.double.sales",
         "patterns": [{"match": r"\\[\"\\]", "name": "constant.character.escape.sales"},
                      {"match": r"\\.", "name": "invalid.illegal.escape.sales"}]},
        # “pasted from a word processor”: still a description (salesc reports S008 with a fix-it)
        {"begin": r"[“”]", "end": r"[“”\"]|$", "name": "string.quoted.other.curly.sales"},
    ]},
    "quantities": {"patterns": [
        {"match": r"\b%s\s*%%" % NUM, "name": "constant.numeric.percentage.sales"},
        {"match": r"\b%s\s+((?:business|working)[ \t]+days?|minutes?|hours?|days?|weeks?|months?|years?)\b" % NUM,
         "name": "constant.numeric.duration.sales",
         "captures": {"1": {"name": "keyword.other.unit.time.sales"}}},
        {"match": r"\b%s\s+([A-Z]{3})\b" % NUM, "name": "constant.numeric.money.sales",
         "captures": {"1": {"name": "keyword.other.unit.currency.sales"}}},
        {"match": r"\b%s\b" % NUM, "name": "constant.numeric.decimal.sales"},
    ]},
    "comma": {"match": ",", "name": "punctuation.separator.comma.sales"},
    "terminator": {"match": ";", "name": "punctuation.terminator.statement.sales"},
    "literals": {"patterns": inc("comments", "strings", "quantities", "comma", "terminator")},

    # `import "std/tactics";`
    "import": {
        "begin": r"\b(import)\b", "beginCaptures": {"1": {"name": "keyword.control.import.sales"}},
        "end": TOP_END, "endCaptures": SEMI, "patterns": inc("literals"),
    },
    # The clauses of a declaration: `via CHANNEL, ...`, `conveys VALUE, ...`, `teaches KNOWLEDGE, ...`,
    # a tactic's `category CATEGORY`.
    "declaration-clauses": {"patterns": [
        list_rule(r"\b(via)\b", ["keyword.other.via.sales"], "variable.other.channel.sales", CLAUSE_END),
        list_rule(r"\b(conveys)\b", ["keyword.other.conveys.sales"], "variable.other.value.sales", CLAUSE_END),
        list_rule(r"\b(teaches)\b", ["keyword.other.teaches.sales"], "variable.other.knowledge.sales", CLAUSE_END),
        list_rule(r"\b(category)\b", ["keyword.other.category.sales"], "variable.other.category.sales", CLAUSE_END),
    ] + inc("literals")},

    # Settings that hold a number, a percentage, a time or an amount, in any block.
    "quantity-statement": {
        "begin": r"\b(value|margin|target|time|stalled|max|leads|cost)\b",
        "beginCaptures": {"1": {"name": "keyword.other.setting.sales"}},
        "end": body_end(STAGE_KW + "|" + BODY_KW), "endCaptures": SEMI,
        "patterns": [{"match": r"\b(win|rate|cycle|roi|stages|after|to|typical)\b", "name": "keyword.other.sales"}]
                    + inc("literals"),
    },

    "process-header": {"patterns": [
        list_rule(r"\b(for)\b", ["keyword.other.for.sales"], "variable.other.sales", CLAUSE_END),
        {"match": r"\b(extends)\b(?:\s+(%s))?" % NAME,
         "captures": {"1": {"name": "keyword.other.extends.sales"},
                      "2": {"name": "entity.other.inherited-class.process.sales"}}},
    ] + inc("literals")},

    "process-body": {"patterns": inc("comments") + [
        decl("stage", "entity.name.function.stage.sales", r"(?<=\})|(;)",
             inc("literals") + [block("stage-body")]),
        {"begin": r"\b(?:(won)|(lost))\b(?:\s+(%s))?" % NAME,
         "beginCaptures": {"1": {"name": "keyword.declaration.outcome.won.sales"},
                           "2": {"name": "keyword.declaration.outcome.lost.sales"},
                           "3": {"name": "entity.name.function.outcome.sales"}},
         "end": PROC_END, "endCaptures": SEMI,
         "patterns": [{"match": r"\b(value)\b", "name": "keyword.other.setting.sales"},
                      {"match": r"\b(crm)\b", "name": "keyword.other.crm.sales"}] + inc("literals")},
        decl("segment", "entity.name.type.segment.sales", r"(?<=\})|" + PROC_END,
             [{"match": r"\b(share)\b", "name": "keyword.other.share.sales"}] + inc("literals")
             + [block("process-body")]),
        ref("brand", "keyword.other.brand.sales", "variable.other.brand.sales"),
        ref("start", "keyword.other.start.sales", "variable.other.stage.sales"),
        list_rule(r"\b(remove)\b", ["keyword.other.remove.sales"], "variable.other.stage.sales", PROC_END),
    ] + inc("quantity-statement", "literals")},

    "stage-body": {"patterns": inc("comments") + [
        list_rule(r"\b(learn)\b", ["keyword.other.learn.sales"], "variable.other.knowledge.sales", STAGE_END),
        list_rule(r"\b(provide)\b", ["keyword.other.provide.sales"], "variable.other.material.sales", STAGE_END),
        list_rule(r"\b(use)\b", ["keyword.other.use.sales"], "variable.other.tactic.sales", STAGE_END),
        {"begin": r"\b(next)\b(?:\s+(%s))?" % NAME,
         "beginCaptures": {"1": {"name": "keyword.control.next.sales"}, "2": {"name": "variable.other.stage.sales"}},
         "end": STAGE_END, "endCaptures": SEMI, "patterns": inc("literals")},
        ref("otherwise", "keyword.control.otherwise.sales", "variable.other.stage.sales"),
        ref("owner", "keyword.other.owner.sales", "variable.other.team.sales"),
        {"begin": r"\b(signoff)\b(?:\s+(%s))?" % NAME,
         "beginCaptures": {"1": {"name": "keyword.other.signoff.sales"}, "2": {"name": "variable.other.role.sales"}},
         "end": STAGE_END, "endCaptures": SEMI,
         "patterns": [{"match": r"\b(within|to|typical)\b", "name": "keyword.other.sales"}] + inc("literals")},
        {"begin": r"\b(exit)\s+(when)\b",
         "beginCaptures": {"1": {"name": "keyword.other.exit.sales"}, "2": {"name": "keyword.other.when.sales"}},
         "end": STAGE_END, "endCaptures": SEMI, "patterns": inc("literals")},
        # `crm "Demo Scheduled", "Demo";`: the labels a CRM export uses for the stage.
        {"begin": r"\b(crm)\b",
         "beginCaptures": {"1": {"name": "keyword.other.crm.sales"}},
         "end": STAGE_END, "endCaptures": SEMI, "patterns": inc("literals")},
    ] + inc("quantity-statement", "literals")},

    "brand-body": {"patterns": inc("comments") + [
        list_rule(r"\b(values)\b", ["keyword.other.values.sales"], "variable.other.value.sales", PROC_END),
        list_rule(r"\b(forbid)\s+(category)\b", ["keyword.other.forbid.sales", "keyword.other.category.sales"],
                  "variable.other.category.sales", PROC_END),
        list_rule(r"\b(forbid)\b", ["keyword.other.forbid.sales"], "variable.other.tactic.sales", PROC_END),
        list_rule(r"\b(require)\b", ["keyword.other.require.sales"], "support.constant.requirement.sales", PROC_END),
    ] + inc("quantity-statement", "literals")},

    "role-body": {"patterns": inc("comments") + [
        list_rule(r"\b(needs)\b", ["keyword.other.needs.sales"], "variable.other.knowledge.sales", PROC_END),
    ] + inc("literals")},

    "campaign-body": {"patterns": inc("comments") + [
        ref("process", "keyword.other.process.sales", "variable.other.process.sales"),
        ref("enters", "keyword.other.enters.sales", "variable.other.stage.sales"),
        ref("segment", "keyword.other.segment.sales", "variable.other.segment.sales"),
    ] + inc("quantity-statement", "literals")},

    "declarations": {"patterns": [
        decl("process", "entity.name.type.process.sales", BLOCK_DECL_END,
             inc("process-header") + [block("process-body")]),
        decl("brand", "entity.name.type.brand.sales", BLOCK_DECL_END, inc("literals") + [block("brand-body")]),
        decl("role", "entity.name.type.role.sales", BLOCK_DECL_END, inc("literals") + [block("role-body")]),
        decl("campaign", "entity.name.type.campaign.sales", BLOCK_DECL_END,
             inc("literals") + [block("campaign-body")]),
    ] + [decl(k, "entity.name.type.%s.sales" % k, TOP_END, inc("declaration-clauses")) for k in simple_kinds]},
}

grammar = {
    "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    "name": "Sales process",
    "scopeName": "source.sales",
    "fileTypes": ["sales"],
    "patterns": inc("comments", "import", "declarations", "literals"),
    "repository": repo,
}

def main():
    out = pathlib.Path(__file__).with_name("sales.tmLanguage.json")
    text = json.dumps(grammar, indent=2, ensure_ascii=False) + "\n"
    if sys.argv[1:] == ["--check"]:
        if out.read_text(encoding="utf-8") != text:
            print(f"{out} is not what syntaxes/generate.py writes: run python3 {__file__}", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
