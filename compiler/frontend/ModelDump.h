//===- ModelDump.h - A readable dump of lowered processes (--emit=model) --===//
#ifndef SALESC_FRONTEND_MODELDUMP_H
#define SALESC_FRONTEND_MODELDUMP_H

#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include "llvm/Support/raw_ostream.h"

namespace salesc::frontend {

/// States, transitions and the headline figures of the Markov analysis `a`.
void dumpModel(const rt::Process& p, llvm::Expected<rt::Analysis> a, llvm::raw_ostream& os);

} // namespace salesc::frontend

#endif // SALESC_FRONTEND_MODELDUMP_H
