//===- Model.cpp - The executable model of a sales process ----------------===//
#include "salesc/runtime/Model.h"

namespace salesc::rt {

llvm::StringRef toString(StateKind kind) {
  switch (kind) {
  case StateKind::Stage:
    return "stage";
  case StateKind::Won:
    return "won";
  case StateKind::Lost:
    return "lost";
  }
  return "stage";
}

std::optional<StateKind> parseStateKind(llvm::StringRef text) {
  for (StateKind k : {StateKind::Stage, StateKind::Won, StateKind::Lost})
    if (toString(k) == text)
      return k;
  return std::nullopt;
}

llvm::StringRef toString(Requirement r) {
  switch (r) {
  case Requirement::Knowledge:
    return "knowledge";
  case Requirement::Materials:
    return "materials";
  case Requirement::Time:
    return "time";
  case Requirement::Values:
    return "values";
  case Requirement::Teaching:
    return "teaching";
  }
  return "knowledge";
}

std::optional<Requirement> parseRequirement(llvm::StringRef text) {
  for (Requirement r : AllRequirements)
    if (toString(r) == text)
      return r;
  return std::nullopt;
}

std::optional<uint32_t> Process::find(const std::string& name) const {
  for (uint32_t i = 0; i < states.size(); ++i)
    if (states[i].name == name)
      return i;
  return std::nullopt;
}

} // namespace salesc::rt
