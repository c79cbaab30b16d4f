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

item
  : IMPORT STRING ';'                                     # ImportItem
  | decl                                                  # DeclItem
  ;

decl
  : CHANNEL ident STRING? ';'                             # ChannelDecl
  | OFFERING ident STRING? (VIA identList)? ';'           # OfferingDecl
  | KNOWLEDGE ident STRING? ';'                           # KnowledgeDecl
  | kind=(LITERATURE | TOOL) ident STRING? conveys? ';'   # MaterialDecl
  | CATEGORY ident STRING? ';'                            # CategoryDecl
  | TACTIC ident STRING? CATEGORY ident conveys? ';'      # TacticDecl
  | BRAND ident STRING? '{' brandRule* '}'                # BrandDecl
  | PROCESS ident STRING? (FOR identList)? (EXTENDS ident)?
      '{' processItem* '}'                                # ProcessDecl
  ;

conveys : CONVEYS identList ;

identList : ident (',' ident)* ;

// ---------------------------------------------------------------------------
// Brands
// ---------------------------------------------------------------------------

brandRule
  : VALUES identList ';'                                  # ValuesRule
  | FORBID CATEGORY identList ';'                         # ForbidCategoryRule
  | FORBID identList ';'                                  # ForbidTacticRule
  | REQUIRE identList ';'                                 # RequireRule
  | MAX STAGES NUMBER ';'                                 # MaxStagesRule
  | MAX CYCLE duration ';'                                # MaxCycleRule
  ;

// ---------------------------------------------------------------------------
// Processes, stages and outcomes
// ---------------------------------------------------------------------------

processItem
  : BRAND ident ';'                                       # BrandSetting
  | VALUE NUMBER ident ';'                                # ValueSetting
  | TARGET WIN RATE percent ';'                           # WinRateTarget
  | TARGET CYCLE duration ';'                             # CycleTarget
  | START ident ';'                                       # StartSetting
  | STAGE ident STRING? '{' stageItem* '}'                # StageDecl
  | kind=(WON | LOST) ident STRING? ';'                   # OutcomeDecl
  ;

stageItem
  : LEARN identList ';'                                   # LearnItem
  | PROVIDE identList ';'                                 # ProvideItem
  | USE identList ';'                                     # UseItem
  | TIME timeSpec ';'                                     # TimeItem
  | STALLED AFTER duration ';'                            # StalledItem
  | NEXT ident percent ';'                                # NextItem
  | OTHERWISE ident ';'                                   # OtherwiseItem
  ;

// `3 days`, `1 to 3 days`, `2 days to 3 weeks`, `2 to 10 days typical 4 days`
timeSpec : low=NUMBER lowUnit=ident? (TO high=duration)? (TYPICAL typical=duration)? ;

duration : NUMBER ident ;

percent : NUMBER '%' ;

// Every keyword is also a valid name.
ident
  : ID
  | IMPORT | CHANNEL | OFFERING | VIA | KNOWLEDGE | LITERATURE | TOOL | CONVEYS
  | CATEGORY | TACTIC | BRAND | VALUES | FORBID | REQUIRE | MAX | STAGES | CYCLE
  | PROCESS | FOR | EXTENDS | VALUE | TARGET | WIN | RATE | START | STAGE | WON | LOST
  | LEARN | PROVIDE | USE | TIME | STALLED | AFTER | NEXT | OTHERWISE | TO | TYPICAL
  ;

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

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

SEMI   : ';' ;
COMMA  : ',' ;
LBRACE : '{' ;
RBRACE : '}' ;
PCT    : '%' ;

ID     : [a-zA-Z] [a-zA-Z0-9_]* ;
NUMBER : [0-9] ('_'? [0-9])* ('.' [0-9] ('_'? [0-9])*)? ;

// Strings hold any character but a raw newline; escapes are checked by the checker.
STRING              : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
// A string missing its closing quote: reported, then treated as a string.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' COMMENT_BODY '*'+ '/' -> channel(HIDDEN) ;
// A comment missing its `*/`: reported, then ignored. Its body cannot hold `*/`, so it
// never outgrows a terminated comment.
UNTERMINATED_COMMENT : '/*' COMMENT_BODY '*'* EOF -> channel(HIDDEN) ;
fragment COMMENT_BODY : (~'*' | '*'+ ~[*/])* ;
WS            : [ \t\r\n\f\u00A0\uFEFF]+ -> channel(HIDDEN) ;

// Anything else is reported once and then ignored.
ERROR_CHAR : . -> channel(HIDDEN) ;
