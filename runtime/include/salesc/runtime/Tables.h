//===- Tables.h - Loading tables.json into executable processes -----------===//
//
// Reads the runtime tables (docs/tables.md, schema
// runtime/schema/salesc-tables-v2.schema.json, and v1 for version 1) back into the rt::Process
// values the compiler lowers to, checking the format, the version and every invariant of Model.h.
// Numbers read back exactly: 0.6 in the file is the double 0.6.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_TABLES_H
#define SALESC_RUNTIME_TABLES_H

#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace salesc::rt {

/// The version of the tables format salesc writes. The runtime reads it and every
/// version from OldestTablesVersion: version 1 has no roles, teams, owners, sign-offs,
/// exit criteria, `teaches`, outcome values, margin, segments or campaigns, and is read as
/// a version 2 document without them.
constexpr int TablesVersion = 2;
constexpr int OldestTablesVersion = 1;

/// The largest tables.json read, as for a .sales file: loading takes up to about 50 times
/// the text in memory, so this bounds a load to about 3 GiB.
constexpr size_t MaxTablesBytes = size_t(64) << 20;
/// How deep arrays and objects may nest (a tables.json nests 7): deeper text is refused
/// before it is parsed, whose recursion would otherwise overflow the stack.
constexpr unsigned MaxTablesDepth = 64;

/// Parses the text of a tables.json; `file` names it in messages. Errors read
/// "FILE:LINE:COL: invalid JSON: ..." for a syntax error and "FILE: ..." naming
/// the process and the field otherwise (a wrong format or version, a missing
/// field or one of the wrong type, an index out of range, an unknown kind,
/// probabilities of a stage that do not add up to 1 within 1e-9, ...). Fields
/// that may be null may also be left out.
llvm::Expected<std::vector<Process>> loadTables(llvm::StringRef json, llvm::StringRef file);

/// What a tables.json holds: its processes and the campaigns into them.
struct TablesDocument {
  std::vector<Process> processes;
  /// Each names a process of `processes` (by name), enters one of its stages and names
  /// one of its segments, when it says (checked on loading).
  std::vector<Campaign> campaigns;
};

/// loadTables() with the campaigns.
llvm::Expected<TablesDocument> loadTablesDocument(llvm::StringRef json, llvm::StringRef file);

/// Reads the file at `path` and loads it; tablesUnreadable(path, ...) when it cannot be
/// read.
llvm::Expected<std::vector<Process>> loadTablesFile(llvm::StringRef path);

/// The error for a tables file that cannot be read: "NAME: cannot read the file: REASON"
/// (for a caller that reads the file itself and calls loadTables).
llvm::Error tablesUnreadable(llvm::StringRef name, std::error_code ec);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_TABLES_H
