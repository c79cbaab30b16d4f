//===- Diagnostics.cpp - An open document checked, as LSP diagnostics -----===//
#include "Diagnostics.h"

#include "Uri.h"

#include "diag/RuleHelp.h"
#include "frontend/Compilation.h"

#include "llvm/Support/Path.h"

namespace salesc::lsp {

namespace {

/// LSP DiagnosticSeverity.
int severity(diag::Severity s) {
  switch (s) {
  case diag::Severity::Error:
    return 1;
  case diag::Severity::Warning:
    return 2;
  case diag::Severity::Note:
    return 3;
  }
  return 1;
}

/// Whether the diagnostic is about code that does nothing (shown faded).
bool unnecessary(diag::DiagKind kind) {
  return kind == diag::DiagKind::UnusedDeclaration || kind == diag::DiagKind::OtherwiseUnused;
}

} // namespace

unsigned bufferOf(const llvm::SourceMgr& sm, llvm::SMLoc loc) {
  return loc.isValid() ? sm.FindBufferContainingLoc(loc) : 0;
}

Range lspRange(const llvm::SourceMgr& sm, unsigned id, llvm::SMRange range) {
  llvm::StringRef text = sm.getMemoryBuffer(id)->getBuffer();
  const char* base = text.data();
  Position start = positionAt(text, size_t(range.Start.getPointer() - base));
  Position end = start;
  if (range.End.isValid() && bufferOf(sm, range.End) == id)
    end = positionAt(text, size_t(range.End.getPointer() - base));
  return {start, end};
}

std::string uriOfBuffer(const llvm::SourceMgr& sm, unsigned id) {
  llvm::StringRef name = sm.getMemoryBuffer(id)->getBufferIdentifier();
  return llvm::sys::path::is_absolute(name) ? uriFromPath(name) : name.str();
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
overlayOpenDocuments(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base,
                     const llvm::StringMap<Document>& open) {
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto& entry : open) {
    const Document& d = entry.second;
    if (llvm::sys::path::is_absolute(d.path))
      memory->addFile(d.path, 0, llvm::MemoryBuffer::getMemBufferCopy(d.text, d.path));
  }
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(base);
  overlay->pushOverlay(memory);
  return overlay;
}

llvm::json::Value toLspDiagnostic(const diag::Diagnostic& d, const llvm::SourceMgr& sm) {
  const diag::KindInfo& k = diag::kindInfo(d.kind);
  unsigned id = bufferOf(sm, d.range.Start);
  Range range = id ? lspRange(sm, id, d.range) : Range{};
  std::string message = d.message;
  llvm::json::Array related;
  for (const diag::Note& n : d.notes) {
    unsigned noteId = bufferOf(sm, n.range.Start);
    if (!noteId) {
      message += "\nnote: " + n.message;
      continue;
    }
    related.push_back(llvm::json::Object{
        {"location", llvm::json::Object{{"uri", uriOfBuffer(sm, noteId)},
                                        {"range", toJson(lspRange(sm, noteId, n.range))}}},
        {"message", n.message}});
  }
  llvm::json::Object out{
      {"range", toJson(range)}, {"severity", severity(d.severity)},
      {"code", k.code},         {"codeDescription", llvm::json::Object{{"href", diag::helpUri(k)}}},
      {"source", "salesc"},     {"message", std::move(message)}};
  if (!related.empty())
    out["relatedInformation"] = std::move(related);
  if (unnecessary(d.kind))
    out["tags"] = llvm::json::Array{1};
  return out;
}

llvm::json::Array diagnosticsOf(frontend::Session& session, const Document& doc) {
  const llvm::SourceMgr& sm = session.sourceMgr();
  llvm::json::Array out;
  for (const diag::Diagnostic& d : session.diags().sorted()) {
    unsigned id = bufferOf(sm, d.range.Start);
    bool here = id ? sm.getMemoryBuffer(id)->getBufferIdentifier() == doc.path : d.file == doc.path;
    if (here)
      out.push_back(toLspDiagnostic(d, sm));
  }
  return out;
}

} // namespace salesc::lsp
