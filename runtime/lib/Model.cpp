//===- Model.cpp - The executable model of a sales process ----------------===//
#include "salesc/runtime/Model.h"

namespace salesc::rt {

std::optional<uint32_t> Process::find(const std::string& name) const {
  for (uint32_t i = 0; i < states.size(); ++i)
    if (states[i].name == name)
      return i;
  return std::nullopt;
}

} // namespace salesc::rt
