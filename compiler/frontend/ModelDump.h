//===- ModelDump.h - A readable dump of lowered processes (--emit=model) --===//
#ifndef SALESC_FRONTEND_MODELDUMP_H
#define SALESC_FRONTEND_MODELDUMP_H

#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include "llvm/Support/raw_ostream.h"

namespace salesc::frontend {

/// States, transitions and the headline figures of the Markov analysis `a`.
void dumpModel(const rt::Process& p, llvm::Expected<rt::Analysis> a, llvm::raw_ostream& os);
/// One line of `--emit=model` for a campaign: "campaign NAME process=P leads=N cost=C CUR",
/// then enters=STAGE, segment=S and target-roi=R (a ratio) when stated. `into` is the
/// process it names (for the name of the stage its leads enter).
void dumpCampaign(const rt::Campaign& c, const rt::Process& into, llvm::raw_ostream& os);

} // namespace salesc::frontend

#endif // SALESC_FRONTEND_MODELDUMP_H
