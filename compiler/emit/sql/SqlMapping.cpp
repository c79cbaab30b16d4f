//===- SqlMapping.cpp - The user's columns from a CRM column mapping -------===//
#include "SqlMapping.h"

namespace salesc::emit::sql {

namespace {

/// The first spelling of a column, or nullopt when the mapping names none.
std::optional<std::string> first(const std::vector<std::string>& spellings) {
  return spellings.empty() ? std::nullopt : std::optional<std::string>(spellings.front());
}

void setIfNamed(std::string& column, const std::vector<std::string>& spellings) {
  if (std::optional<std::string> name = first(spellings))
    column = *name;
}

} // namespace

llvm::Expected<SqlColumns> mappedColumns(SqlColumns base, const rt::ExportMapping& events,
                                         const rt::ExportMapping& pipeline) {
  for (const rt::ExportMapping* m : {&events, &pipeline})
    if (m->layout == rt::ExportMapping::Layout::Wide)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "--to=sql reads a table with one row per stage entered ('layout: long'); the "
          "%s mapping is 'layout: wide' (a date column per stage): unpivot it into "
          "deal, stage, entered-at rows in the warehouse first (docs/sql.md)",
          m == &events ? "stage-history" : "open-deals");
  setIfNamed(base.events.deal, events.deal);
  setIfNamed(base.events.stage, events.stage);
  setIfNamed(base.events.enteredAt, events.timestamp);
  base.events.segment = first(events.segment);
  base.events.lostReason = events.lostReasons.empty() ? std::nullopt : first(events.lostReason);
  setIfNamed(base.pipeline.deal, pipeline.deal);
  setIfNamed(base.pipeline.stage, pipeline.stage);
  setIfNamed(base.pipeline.enteredAt, pipeline.timestamp);
  base.pipeline.value = first(pipeline.value);
  base.mapping = events;
  return base;
}

} // namespace salesc::emit::sql
