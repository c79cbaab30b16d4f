// Sales.g4 - the grammar of .sales files (ANTLR 4).
//
// Keywords are soft: every keyword may also be used as a name (an outcome called
// `lost`, a stage called `demo` or `time`), which is why names are `ident`, not ID.
// Literals are validated by the checker, not here: units are plain names so that
// `3 fortnights` is an "unknown unit" diagnostic rather than a syntax error.
grammar Sales;

// ---------------------------------------------------------------------------
// Files and declarations
// ---------------------------------------------------------------------------

file : item* EOF ;

// Elements the AST builder reads are labelled, so it reads typed fields instead of
// searching the children (ANTLR's accessors dynamic_cast every child).
item
  : IMPORT path=STRING ';'                                # ImportItem
  | body=decl                                             # DeclItem
  ;

decl
  : CHANNEL name=ident desc=STRING? ';'                   # ChannelDecl
  | OFFERING name=ident desc=STRING? (VIA via=identList)? ';'  # OfferingDecl
  | KNOWLEDGE name=ident desc=STRING? ';'                 # KnowledgeDecl
  | kind=(LITERATURE | TOOL) name=ident desc=STRING? clauses+=itemClause* ';'  # MaterialDecl
  | CATEGORY name=ident desc=STRING? ';'                  # CategoryDecl
  | TACTIC name=ident desc=STRING? CATEGORY cat=ident clauses+=itemClause* ';' # TacticDecl
  | ROLE name=ident desc=STRING? (';' | '{' needs+=roleItem* '}')  # RoleDecl
  | TEAM name=ident desc=STRING? ';'                      # TeamDecl
  | BRAND name=ident desc=STRING? '{' rules+=brandRule* '}'             # BrandDecl
  | PROCESS name=ident desc=STRING? (FOR forList=identList)? (EXTENDS base=ident)?
      '{' items+=processItem* '}'                         # ProcessDecl
  | CAMPAIGN name=ident desc=STRING? '{' items+=campaignItem* '}'  # CampaignDecl
  ;

// What a material or tactic conveys and teaches, in either order.
itemClause
  : CONVEYS list=identList                                # ConveysClause
  | TEACHES list=identList                                # TeachesClause
  ;

roleItem : NEEDS list=identList ';' ;

identList : names+=ident (',' names+=ident)* ;

// ---------------------------------------------------------------------------
// Brands
// ---------------------------------------------------------------------------

brandRule
  : VALUES list=identList ';'                             # ValuesRule
  | FORBID CATEGORY list=identList ';'                    # ForbidCategoryRule
  | FORBID list=identList ';'                             # ForbidTacticRule
  | REQUIRE list=identList ';'                            # RequireRule
  | MAX STAGES count=NUMBER ';'                           # MaxStagesRule
  | MAX CYCLE limit=duration ';'                          # MaxCycleRule
  ;

// ---------------------------------------------------------------------------
// Processes, stages and outcomes
// ---------------------------------------------------------------------------

processItem
  : BRAND name=ident ';'                                  # BrandSetting
  | VALUE value=money ';'                                 # ValueSetting
  | TARGET WIN RATE share=percent ';'                     # WinRateTarget
  | TARGET CYCLE limit=duration ';'                       # CycleTarget
  | MARGIN share=percent ';'                              # MarginSetting
  | START name=ident ';'                                  # StartSetting
  | STAGE name=ident desc=STRING? '{' items+=stageItem* '}'  # StageDecl
  | kind=(WON | LOST) name=ident desc=STRING? (VALUE value=money)? (CRM labels=crmLabels)? ';'  # OutcomeDecl
  | REMOVE list=identList ';'                             # RemoveItem
  // A segment states what differs for its leads, with the lines of a process (the
  // checker says which of them a segment may hold).
  | SEGMENT name=ident desc=STRING? SHARE share=percent (';' | '{' items+=processItem* '}')  # SegmentDecl
  ;

// ---------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------

campaignItem
  : PROCESS name=ident ';'                                # CampaignProcess
  | LEADS count=NUMBER scale=ID? ';'                      # CampaignLeads
  | COST value=money ';'                                  # CampaignCost
  | ENTERS name=ident ';'                                 # CampaignEnters
  | SEGMENT name=ident ';'                                # CampaignSegment
  | TARGET ROI share=percent ';'                          # CampaignRoiTarget
  ;

stageItem
  : LEARN list=identList ';'                              # LearnItem
  | PROVIDE list=identList ';'                            # ProvideItem
  | USE list=identList ';'                                # UseItem
  | TIME spec=timeSpec ';'                                # TimeItem
  | STALLED AFTER limit=duration ';'                      # StalledItem
  | NEXT target=ident share=percent? ';'                  # NextItem
  | OWNER team=ident ';'                                  # OwnerItem
  | EXIT WHEN criteria+=STRING (',' criteria+=STRING)* ';'  # ExitItem
  | SIGNOFF role=ident share=percent WITHIN spec=timeSpec ';'  # SignoffItem
  | OTHERWISE target=ident ';'                            # OtherwiseItem
  | CRM labels=crmLabels ';'                              # CrmItem
  ;

// The labels a CRM shows for a stage or an outcome (`crm "Demo Scheduled", "Demo"`), which
// the export reader matches (docs/crm.md).
crmLabels : labels+=STRING (',' labels+=STRING)* ;

// `3 days`, `1 to 3 days`, `2 days to 3 weeks`, `2 to 10 days typical 4 days`. A dash for
// `to` (`1-2 days`), a missing unit and the other mistakes of the rules below parse, and are
// reported when the tree is built, each with what to write instead.
timeSpec : low=NUMBER lowUnit=timeUnit? ((TO | dash=DASH) high=duration)? (TYPICAL typical=duration)? ;

duration : amount=NUMBER unit=timeUnit? ;
// A unit is a name (`days`; the checker knows the units), or `business days` and `working
// days`, one token so that a name after a unit (a missing ';') is never read as its second word.
timeUnit : ident | WORKDAYS ;

// `60%`; also read: `0.6` and `60` without '%', and `60 percent`.
percent : amount=NUMBER (pct='%' | word=ID)? ;

// `48_000 USD`; also read: a currency sign before or after (`$48,000`, `48 000 €`), a
// scale word (`48M EUR`), and no currency at all. The words are IDs, never keywords, so
// that a missing ';' before the next line (which starts with a keyword) stays one error.
money : before=CURRENCY_SIGN? amount=NUMBER (words+=ID words+=ID?)? after=CURRENCY_SIGN? ;

// Every keyword is also a valid name. KeywordsTest fails when a keyword of
// compiler/parse/Keywords.def is missing here.
ident
  : ID
  | IMPORT | CHANNEL | OFFERING | VIA | KNOWLEDGE | LITERATURE | TOOL | CONVEYS
  | CATEGORY | TACTIC | BRAND | VALUES | FORBID | REQUIRE | MAX | STAGES | CYCLE
  | PROCESS | FOR | EXTENDS | VALUE | TARGET | WIN | RATE | START | STAGE | WON | LOST
  | LEARN | PROVIDE | USE | TIME | STALLED | AFTER | NEXT | OTHERWISE | TO | TYPICAL
  | ROLE | NEEDS | TEAM | TEACHES | OWNER | EXIT | WHEN | SIGNOFF | WITHIN
  | MARGIN | REMOVE | SEGMENT | SHARE | CAMPAIGN | LEADS | COST | ENTERS | ROI | CRM
  ;

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

// The keywords: each is also in compiler/parse/Keywords.def, with the same spelling.
IMPORT     : 'import' ;
CHANNEL    : 'channel' ;
OFFERING   : 'offering' ;
VIA        : 'via' ;
KNOWLEDGE  : 'knowledge' ;
LITERATURE : 'literature' ;
TOOL       : 'tool' ;
CONVEYS    : 'conveys' ;
CATEGORY   : 'category' ;
TACTIC     : 'tactic' ;
BRAND      : 'brand' ;
VALUES     : 'values' ;
FORBID     : 'forbid' ;
REQUIRE    : 'require' ;
MAX        : 'max' ;
STAGES     : 'stages' ;
CYCLE      : 'cycle' ;
PROCESS    : 'process' ;
FOR        : 'for' ;
EXTENDS    : 'extends' ;
VALUE      : 'value' ;
TARGET     : 'target' ;
WIN        : 'win' ;
RATE       : 'rate' ;
START      : 'start' ;
STAGE      : 'stage' ;
WON        : 'won' ;
LOST       : 'lost' ;
LEARN      : 'learn' ;
PROVIDE    : 'provide' ;
USE        : 'use' ;
TIME       : 'time' ;
STALLED    : 'stalled' ;
AFTER      : 'after' ;
NEXT       : 'next' ;
OTHERWISE  : 'otherwise' ;
TO         : 'to' ;
TYPICAL    : 'typical' ;
ROLE       : 'role' ;
NEEDS      : 'needs' ;
TEAM       : 'team' ;
TEACHES    : 'teaches' ;
OWNER      : 'owner' ;
EXIT       : 'exit' ;
WHEN       : 'when' ;
SIGNOFF    : 'signoff' ;
WITHIN     : 'within' ;
MARGIN     : 'margin' ;
REMOVE     : 'remove' ;
SEGMENT    : 'segment' ;
SHARE      : 'share' ;
CAMPAIGN   : 'campaign' ;
LEADS      : 'leads' ;
COST       : 'cost' ;
ENTERS     : 'enters' ;
ROI        : 'roi' ;
CRM        : 'crm' ;

SEMI   : ';' ;
COMMA  : ',' ;
LBRACE : '{' ;
RBRACE : '}' ;
PCT    : '%' ;

WORKDAYS : ('business' | 'working') [ \t]+ 'day' 's'? ;
ID     : [a-zA-Z] [a-zA-Z0-9_]* ;
NUMBER : [0-9] ('_'? [0-9])* ('.' [0-9] ('_'? [0-9])*)? ;

// What documents and spreadsheets write, read so that each is one error with its fix
// (AstBuilder): a name with hyphens (`pql-alert`), a number with thousands separators or a
// decimal comma (`1,350,000`, `1.350.000`, `1 350 000`, `12,5`), a dash for `to`, and a
// currency sign.
HYPHENATED_NAME : [a-zA-Z] [a-zA-Z0-9_]* ('-' [a-zA-Z] [a-zA-Z0-9_]*)+ -> type(ID) ;
WRITTEN_NUMBER
  : ( [0-9]+ ([.,] [0-9]+)+
    | [0-9] [0-9]? [0-9]? ([ \u00A0\u2009\u202F] [0-9] [0-9] [0-9])+ ([.,] [0-9]+)*
    ) -> type(NUMBER) ;
DASH          : '-' | '\u2013' | '\u2014' | '\u2212' ;
CURRENCY_SIGN : ('US' | 'A' | 'AU' | 'C' | 'CA' | 'NZ' | 'HK' | 'S' | 'R' | 'MX')? '$'
              | '\u20AC' | '\u00A3' | '\u00A5' | '\u20B9' | '\u20A9' | '\u20BD' | '\u20BA'
              | '\u20AA' | '\u20AB' | '\u20B1' | '\u20B4' | '\u20A6' | '\u0E3F' ;

// Strings hold any character but a raw newline; escapes are checked by the checker.
STRING              : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
// A string missing its closing quote: reported, then treated as a string.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;
// A description pasted with curly quotes (U+201C and U+201D, as word processors write them),
// closed by a curly or a straight quote: a string to the parser, reported when the tree is
// built (AstBuilder::text).
CURLY_STRING : ('\u201C' | '\u201D') (~["\u201C\u201D\\\r\n] | '\\' ~[\r\n])*
               ('\u201C' | '\u201D' | '"') -> type(STRING) ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' COMMENT_BODY '*'+ '/' -> channel(HIDDEN) ;
// A comment missing its `*/`: reported, then ignored. Its body cannot hold `*/`, so it
// never outgrows a terminated comment.
UNTERMINATED_COMMENT : '/*' COMMENT_BODY '*'* EOF -> channel(HIDDEN) ;
fragment COMMENT_BODY : (~'*' | '*'+ ~[*/])* ;
WS            : [ \t\r\n\f\u00A0\uFEFF]+ -> channel(HIDDEN) ;

// Anything else is reported once and then ignored.
ERROR_CHAR : . -> channel(HIDDEN) ;
