//===- ModelDump.h - A readable dump of lowered processes (--emit=model) --===//
#ifndef SALESC_DRIVER_MODELDUMP_H
#define SALESC_DRIVER_MODELDUMP_H

#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include "llvm/Support/raw_ostream.h"

namespace salesc::driver {

/// States, transitions and the headline figures of the Markov analysis `a`.
void dumpModel(const rt::Process& p, llvm::Expected<rt::Analysis> a, llvm::raw_ostream& os);

} // namespace salesc::driver

#endif // SALESC_DRIVER_MODELDUMP_H
