//===- Drawing.h - --layout-seconds, --theme, --identifiers: drawing options ===//
#ifndef SALESC_DRIVER_DRAWING_H
#define SALESC_DRIVER_DRAWING_H

#include "Command.h"

#include "emit/Emit.h"

#include <optional>

namespace salesc::driver {

/// The drawing options of `emit`, `build` and `report`: --layout-seconds, and on `emit` and
/// `build` --theme and --identifiers, with the layout's warnings printed as "salesc: warning:
/// ..." lines. Null, after saying why, when the value is out of range.
std::optional<emit::DrawOptions> drawOptions(CommandContext& ctx);

} // namespace salesc::driver

#endif // SALESC_DRIVER_DRAWING_H
