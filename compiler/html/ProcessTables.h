//===- ProcessTables.h - The tables of a process's report page ------------===//
//
// Each returns a <section> (heading and table) or nothing when the process has none of
// it. Items are named by their descriptions where they have one, stages by their names
// as words; figures as `salesc analyze` says them.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_HTML_PROCESSTABLES_H
#define SALESC_HTML_PROCESSTABLES_H

#include "salesc/runtime/Markov.h"

#include <string>
#include <vector>

namespace salesc::html {

/// Each role: what it needs to know, where it learns it, where it signs off.
std::string stakeholderMap(const rt::AnalyzedProcess& p);
/// Each stage's exit criteria.
std::string exitCriteria(const rt::AnalyzedProcess& p);
/// Each segment's share, win rate, time to win, value and margin of a lead.
std::string segments(const rt::AnalyzedProcess& p);
/// Each campaign into the process with its predicted customers, revenue and ROI.
std::string campaigns(const rt::AnalyzedProcess& p);
/// The brand's rules and whether the process keeps each.
std::string brandRules(const rt::AnalyzedProcess& p);
/// What the prospect learns at each stage, and what teaches it.
std::string knowledgeByStage(const rt::AnalyzedProcess& p);

/// The stages in playbook order: the start, then the others as declared.
std::vector<uint32_t> stageOrder(const rt::Process& p);

/// A stage as tables name it: its name as words, linked to its section of the playbook.
std::string stageLink(const rt::State& s);
/// A role of the buying committee as tables name it: its description, or its name as words.
std::string roleName(const rt::Process& p, const std::string& role);
/// An item as tables name it: its description, or its name as words without one.
std::string itemName(const rt::Item& i);

} // namespace salesc::html

#endif // SALESC_HTML_PROCESSTABLES_H
