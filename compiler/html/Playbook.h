//===- Playbook.h - The playbook's stages as HTML, and their tooltips -----===//
#ifndef SALESC_HTML_PLAYBOOK_H
#define SALESC_HTML_PLAYBOOK_H

#include "salesc/runtime/Markov.h"

#include "llvm/Support/JSON.h"

#include <string>

namespace salesc::html {

/// The playbook as the Markdown one has it, from the same model: a section per stage
/// (id "stage-NAME": owner, description, what the prospect learns, what we provide,
/// tactics, sign-offs, exit criteria as a checklist, time, exits with their shares and
/// the stage's figures), then the outcomes (id "outcomes").
std::string playbook(const rt::AnalyzedProcess& p);

/// Per state name, what the flowchart's tooltip shows: {"title", "anchor", "lines":
/// [[label, value]...]}.
llvm::json::Object stageFigures(const rt::AnalyzedProcess& p);

} // namespace salesc::html

#endif // SALESC_HTML_PLAYBOOK_H
