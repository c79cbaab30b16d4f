//===- Diagnostic.cpp - The registry of diagnostic kinds ------------------===//
#include "Diagnostic.h"

#include "llvm/ADT/STLExtras.h"

namespace salesc::diag {

static const KindInfo Kinds[] = {
#define DIAG(Id, Code, Sev, Name, Summary) {DiagKind::Id, Code, Severity::Sev, Name, Summary},
#include "DiagnosticKinds.def"
#undef DIAG
};

const KindInfo& kindInfo(DiagKind kind) {
  return Kinds[static_cast<unsigned>(kind)];
}

llvm::ArrayRef<KindInfo> allKinds() {
  return Kinds;
}

std::optional<DiagKind> kindByName(llvm::StringRef name) {
  for (const KindInfo& k : Kinds)
    if (k.name == name)
      return k.kind;
  return std::nullopt;
}

std::optional<DiagKind> kindByCode(llvm::StringRef code) {
  for (const KindInfo& k : Kinds)
    if (k.code.equals_insensitive(code))
      return k.kind;
  return std::nullopt;
}

llvm::StringRef severityName(Severity s) {
  switch (s) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "error";
}

} // namespace salesc::diag
