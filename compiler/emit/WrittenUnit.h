//===- WrittenUnit.h - A stage's times in the unit its author wrote -------===//
#ifndef SALESC_EMIT_WRITTENUNIT_H
#define SALESC_EMIT_WRITTENUNIT_H

#include "salesc/runtime/Model.h"

#include <string>

namespace salesc::emit {

/// `days` in the unit `s`'s written time ends in ("3 weeks" for 21 days of a stage of "1 to
/// 3 weeks"; weeks, months and years; else as rt::days says it). writtenMean (Format.h)
/// says a stage's mean this way.
std::string inWrittenUnit(const rt::State& s, double days);

} // namespace salesc::emit

#endif // SALESC_EMIT_WRITTENUNIT_H
