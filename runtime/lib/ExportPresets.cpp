//===- ExportPresets.cpp - The built-in mappings of `--from` ---------------===//
//
// Each preset is a mapping file compiled in, read by readExportMapping like a `--map`
// file, so a preset can do nothing a map cannot. docs/crm.md documents each one; the
// facts behind them are the vendors' documented exports. Headers are listed in several
// spellings (API names and report labels); dates and amounts are read as the values
// show (no `dates:` or `numbers:`), so locale exports go in as they are.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/ExportMapping.h"

#include "llvm/ADT/STLExtras.h"

namespace salesc::rt {
namespace {

struct Preset {
  const char* name;
  const char* events;   ///< the stage-history export
  const char* pipeline; ///< the open-deals export
};

const Preset Presets[] = {
    {"salesforce",
     R"(# OpportunityHistory (API, Data Loader, Data Export), OpportunityFieldHistory, or the
# UI's Opportunity History report (From Stage, To Stage, Last Modified: the time of each
# change; by default no id, so the deal is its name; a footer after the rows)
layout: long
columns:
  deal: [OpportunityId, Opportunity ID, Opportunity Name]
  stage: [StageName, Stage Name, NewValue, To Stage]
  timestamp: [CreatedDate, Last Modified, Created Date]
  value: [Amount]
  currency: [CurrencyIsoCode, Opportunity Currency]
  lost_reason: [Loss_Reason__c, Loss Reason, Lost Reason]
)",
     R"(# An opportunities report or export of open deals
layout: long
columns:
  deal: [Id, Opportunity ID, OpportunityId]
  stage: [StageName, Stage]
  timestamp: [LastStageChangeDate, Last Stage Change Date]
  value: [Amount]
  currency: [CurrencyIsoCode, Opportunity Currency]
)"},
    {"hubspot",
     R"(# The deals export: one row per deal, a 'Date entered' column per stage
layout: wide
columns:
  deal: [Record ID, hs_object_id, Deal ID]
  value: [Amount, amount]
  process: [Pipeline, pipeline]
  lost_reason: [Closed Lost Reason, closed_lost_reason]
stage_columns:
  'Date entered "*"': '*'
  "Date entered '*'": '*'
  'hs_v2_date_entered_*': '*'
  'hs_date_entered_*': '*'
)",
     R"(# The deals export, open deals: the stage is 'Deal Stage', entered on its 'Date entered'
layout: wide
columns:
  deal: [Record ID, hs_object_id, Deal ID]
  stage: [Deal Stage, dealstage]
  value: [Amount, amount]
  process: [Pipeline, pipeline]
stage_columns:
  'Date entered "*"': '*'
  "Date entered '*'": '*'
  'hs_v2_date_entered_*': '*'
  'hs_date_entered_*': '*'
)"},
    {"pipedrive",
     R"(# A CSV made from the deal flow API: deal_id, old_stage, new_stage, log_time
layout: long
columns:
  deal: [deal_id, Deal - ID, Deal ID]
  stage: [new_stage, New stage]
  timestamp: [log_time, Log time]
  lost_reason: [lost_reason, Lost reason, Deal - Lost reason]
)",
     R"(# The deals export ('Deal - ' headers)
layout: long
columns:
  deal: [Deal - ID, deal_id]
  stage: [Deal - Stage]
  timestamp: [Deal - Last stage change, Deal - Deal created]
  value: [Deal - Value]
  currency: [Deal - Currency of Value, Deal - Currency]
  process: [Deal - Pipeline]
  status: [Deal - Status]
)"},
    {"dynamics",
     R"(# A CSV of the business process flow's stage history: opportunityid, stagename, changedon
layout: long
columns:
  deal: [opportunityid, Opportunity ID]
  stage: [stagename, Stage Name]
  timestamp: [changedon, Changed On]
  lost_reason: [Status Reason, statuscode]
)",
     R"(# Export to Excel of open opportunities, with the 'Active Stage Started On' column added
layout: long
columns:
  deal: [(Do Not Modify) Opportunity, opportunityid, Opportunity ID]
  stage: [Sales Stage, stagename]
  timestamp: [Active Stage Started On, activestagestartedon]
  value: [Est. revenue, estimatedvalue]
  currency: [Currency, transactioncurrencyid]
  status: [Status, statecode]
)"},
    {"zoho",
     R"(# Stage History (Stage_History or DealHistory): one row per stage entered
layout: long
columns:
  deal: [Parent_Id, Parent Id, Deal_Id, Deal Id, Deal_Name.id]
  stage: [Stage]
  timestamp: [Modified_Time, Modified Time, Last Modified Time]
  value: [Amount]
  lost_reason: [Reason_For_Loss__s, Reason For Loss]
)",
     R"(# The Deals export of open deals, with the time the deal entered its stage
layout: long
columns:
  deal: [Record Id, Id]
  stage: [Stage]
  timestamp: [Stage Modified Time, Last Stage Change Time]
  value: [Amount]
  currency: [Currency]
)"},
};

} // namespace

const std::vector<std::string>& exportPresetNames() {
  static const std::vector<std::string> Names = [] {
    std::vector<std::string> names;
    for (const Preset& p : Presets)
      names.push_back(p.name);
    return names;
  }();
  return Names;
}

std::optional<ExportMapping> exportPreset(llvm::StringRef name, ExportKind kind) {
  for (const Preset& p : Presets)
    if (name == p.name) {
      llvm::Expected<ExportMapping> m = readExportMapping(
          kind == ExportKind::Events ? p.events : p.pipeline, "<preset " + name.str() + ">");
      if (!m) // a preset that does not read is a bug caught by the tests
        llvm::report_fatal_error(llvm::Twine(llvm::toString(m.takeError())));
      m->columnPlaces.clear(); // a preset's spellings need not all be in an export
      m->stageColumnPlaces.clear();
      return std::move(*m);
    }
  return std::nullopt;
}

} // namespace salesc::rt
