// The ANTLR 4.9 C++ runtime's umbrella header, without misc/InterpreterDataReader.h.
//
// Debian 12's libantlr4-runtime-dev (4.9) ships an InterpreterDataReader.h that clang 14
// rejects ("call to implicitly-deleted default constructor of 'dfa::Vocabulary'"): the
// inline InterpreterData() {} default-constructs a Vocabulary, whose defaulted default
// constructor is deleted because the class has const members without initialisers. GCC 12
// accepts the header. InterpreterDataReader reads the interpreter data files the ANTLR tool
// writes, which salesc never does, so this header includes every other header of the
// runtime's own antlr4-runtime.h. compiler/CMakeLists.txt puts its folder before
// /usr/include/antlr4-runtime, for GCC and clang alike, so the generated parser, salesc's
// parser sources and the runtime headers that include "antlr4-runtime.h" all get this one.
//
// Each header is named with its folder, <antlr4-runtime/...>: a bare "Lexer.h" would find
// compiler/parse/Lexer.h first wherever compiler/parse is an include folder (the parser's
// tests). Keep the list in step with the runtime's umbrella header if the runtime changes
// (a header missing here shows up as an undeclared name in the generated parser).

#pragma once

#include <antlr4-runtime/antlr4-common.h>

#include <antlr4-runtime/ANTLRErrorListener.h>
#include <antlr4-runtime/ANTLRErrorStrategy.h>
#include <antlr4-runtime/ANTLRFileStream.h>
#include <antlr4-runtime/ANTLRInputStream.h>
#include <antlr4-runtime/BailErrorStrategy.h>
#include <antlr4-runtime/BaseErrorListener.h>
#include <antlr4-runtime/BufferedTokenStream.h>
#include <antlr4-runtime/CharStream.h>
#include <antlr4-runtime/CommonToken.h>
#include <antlr4-runtime/CommonTokenFactory.h>
#include <antlr4-runtime/CommonTokenStream.h>
#include <antlr4-runtime/ConsoleErrorListener.h>
#include <antlr4-runtime/DefaultErrorStrategy.h>
#include <antlr4-runtime/DiagnosticErrorListener.h>
#include <antlr4-runtime/Exceptions.h>
#include <antlr4-runtime/FailedPredicateException.h>
#include <antlr4-runtime/InputMismatchException.h>
#include <antlr4-runtime/IntStream.h>
#include <antlr4-runtime/InterpreterRuleContext.h>
#include <antlr4-runtime/Lexer.h>
#include <antlr4-runtime/LexerInterpreter.h>
#include <antlr4-runtime/LexerNoViableAltException.h>
#include <antlr4-runtime/ListTokenSource.h>
#include <antlr4-runtime/NoViableAltException.h>
#include <antlr4-runtime/Parser.h>
#include <antlr4-runtime/ParserInterpreter.h>
#include <antlr4-runtime/ParserRuleContext.h>
#include <antlr4-runtime/ProxyErrorListener.h>
#include <antlr4-runtime/RecognitionException.h>
#include <antlr4-runtime/Recognizer.h>
#include <antlr4-runtime/RuleContext.h>
#include <antlr4-runtime/RuleContextWithAltNum.h>
#include <antlr4-runtime/RuntimeMetaData.h>
#include <antlr4-runtime/Token.h>
#include <antlr4-runtime/TokenFactory.h>
#include <antlr4-runtime/TokenSource.h>
#include <antlr4-runtime/TokenStream.h>
#include <antlr4-runtime/TokenStreamRewriter.h>
#include <antlr4-runtime/UnbufferedCharStream.h>
#include <antlr4-runtime/UnbufferedTokenStream.h>
#include <antlr4-runtime/Vocabulary.h>
#include <antlr4-runtime/WritableToken.h>
#include <antlr4-runtime/atn/ATN.h>
#include <antlr4-runtime/atn/ATNConfig.h>
#include <antlr4-runtime/atn/ATNConfigSet.h>
#include <antlr4-runtime/atn/ATNDeserializationOptions.h>
#include <antlr4-runtime/atn/ATNDeserializer.h>
#include <antlr4-runtime/atn/ATNSerializer.h>
#include <antlr4-runtime/atn/ATNSimulator.h>
#include <antlr4-runtime/atn/ATNState.h>
#include <antlr4-runtime/atn/ATNType.h>
#include <antlr4-runtime/atn/AbstractPredicateTransition.h>
#include <antlr4-runtime/atn/ActionTransition.h>
#include <antlr4-runtime/atn/AmbiguityInfo.h>
#include <antlr4-runtime/atn/ArrayPredictionContext.h>
#include <antlr4-runtime/atn/AtomTransition.h>
#include <antlr4-runtime/atn/BasicBlockStartState.h>
#include <antlr4-runtime/atn/BasicState.h>
#include <antlr4-runtime/atn/BlockEndState.h>
#include <antlr4-runtime/atn/BlockStartState.h>
#include <antlr4-runtime/atn/ContextSensitivityInfo.h>
#include <antlr4-runtime/atn/DecisionEventInfo.h>
#include <antlr4-runtime/atn/DecisionInfo.h>
#include <antlr4-runtime/atn/DecisionState.h>
#include <antlr4-runtime/atn/EmptyPredictionContext.h>
#include <antlr4-runtime/atn/EpsilonTransition.h>
#include <antlr4-runtime/atn/ErrorInfo.h>
#include <antlr4-runtime/atn/LL1Analyzer.h>
#include <antlr4-runtime/atn/LexerATNConfig.h>
#include <antlr4-runtime/atn/LexerATNSimulator.h>
#include <antlr4-runtime/atn/LexerAction.h>
#include <antlr4-runtime/atn/LexerActionExecutor.h>
#include <antlr4-runtime/atn/LexerActionType.h>
#include <antlr4-runtime/atn/LexerChannelAction.h>
#include <antlr4-runtime/atn/LexerCustomAction.h>
#include <antlr4-runtime/atn/LexerIndexedCustomAction.h>
#include <antlr4-runtime/atn/LexerModeAction.h>
#include <antlr4-runtime/atn/LexerMoreAction.h>
#include <antlr4-runtime/atn/LexerPopModeAction.h>
#include <antlr4-runtime/atn/LexerPushModeAction.h>
#include <antlr4-runtime/atn/LexerSkipAction.h>
#include <antlr4-runtime/atn/LexerTypeAction.h>
#include <antlr4-runtime/atn/LookaheadEventInfo.h>
#include <antlr4-runtime/atn/LoopEndState.h>
#include <antlr4-runtime/atn/NotSetTransition.h>
#include <antlr4-runtime/atn/OrderedATNConfigSet.h>
#include <antlr4-runtime/atn/ParseInfo.h>
#include <antlr4-runtime/atn/ParserATNSimulator.h>
#include <antlr4-runtime/atn/PlusBlockStartState.h>
#include <antlr4-runtime/atn/PlusLoopbackState.h>
#include <antlr4-runtime/atn/PrecedencePredicateTransition.h>
#include <antlr4-runtime/atn/PredicateEvalInfo.h>
#include <antlr4-runtime/atn/PredicateTransition.h>
#include <antlr4-runtime/atn/PredictionContext.h>
#include <antlr4-runtime/atn/PredictionMode.h>
#include <antlr4-runtime/atn/ProfilingATNSimulator.h>
#include <antlr4-runtime/atn/RangeTransition.h>
#include <antlr4-runtime/atn/RuleStartState.h>
#include <antlr4-runtime/atn/RuleStopState.h>
#include <antlr4-runtime/atn/RuleTransition.h>
#include <antlr4-runtime/atn/SemanticContext.h>
#include <antlr4-runtime/atn/SetTransition.h>
#include <antlr4-runtime/atn/SingletonPredictionContext.h>
#include <antlr4-runtime/atn/StarBlockStartState.h>
#include <antlr4-runtime/atn/StarLoopEntryState.h>
#include <antlr4-runtime/atn/StarLoopbackState.h>
#include <antlr4-runtime/atn/TokensStartState.h>
#include <antlr4-runtime/atn/Transition.h>
#include <antlr4-runtime/atn/WildcardTransition.h>
#include <antlr4-runtime/dfa/DFA.h>
#include <antlr4-runtime/dfa/DFASerializer.h>
#include <antlr4-runtime/dfa/DFAState.h>
#include <antlr4-runtime/dfa/LexerDFASerializer.h>
#include <antlr4-runtime/misc/Interval.h>
#include <antlr4-runtime/misc/IntervalSet.h>
#include <antlr4-runtime/misc/MurmurHash.h>
#include <antlr4-runtime/misc/Predicate.h>
#include <antlr4-runtime/support/Any.h>
#include <antlr4-runtime/support/Arrays.h>
#include <antlr4-runtime/support/BitSet.h>
#include <antlr4-runtime/support/CPPUtils.h>
#include <antlr4-runtime/support/StringUtils.h>
#include <antlr4-runtime/support/guid.h>
#include <antlr4-runtime/tree/AbstractParseTreeVisitor.h>
#include <antlr4-runtime/tree/ErrorNode.h>
#include <antlr4-runtime/tree/ErrorNodeImpl.h>
#include <antlr4-runtime/tree/ParseTree.h>
#include <antlr4-runtime/tree/ParseTreeListener.h>
#include <antlr4-runtime/tree/ParseTreeProperty.h>
#include <antlr4-runtime/tree/ParseTreeVisitor.h>
#include <antlr4-runtime/tree/ParseTreeWalker.h>
#include <antlr4-runtime/tree/TerminalNode.h>
#include <antlr4-runtime/tree/TerminalNodeImpl.h>
#include <antlr4-runtime/tree/Trees.h>
#include <antlr4-runtime/tree/pattern/Chunk.h>
#include <antlr4-runtime/tree/pattern/ParseTreeMatch.h>
#include <antlr4-runtime/tree/pattern/ParseTreePattern.h>
#include <antlr4-runtime/tree/pattern/ParseTreePatternMatcher.h>
#include <antlr4-runtime/tree/pattern/RuleTagToken.h>
#include <antlr4-runtime/tree/pattern/TagChunk.h>
#include <antlr4-runtime/tree/pattern/TextChunk.h>
#include <antlr4-runtime/tree/pattern/TokenTagToken.h>
#include <antlr4-runtime/tree/xpath/XPath.h>
#include <antlr4-runtime/tree/xpath/XPathElement.h>
#include <antlr4-runtime/tree/xpath/XPathLexer.h>
#include <antlr4-runtime/tree/xpath/XPathLexerErrorListener.h>
#include <antlr4-runtime/tree/xpath/XPathRuleAnywhereElement.h>
#include <antlr4-runtime/tree/xpath/XPathRuleElement.h>
#include <antlr4-runtime/tree/xpath/XPathTokenAnywhereElement.h>
#include <antlr4-runtime/tree/xpath/XPathTokenElement.h>
#include <antlr4-runtime/tree/xpath/XPathWildcardAnywhereElement.h>
#include <antlr4-runtime/tree/xpath/XPathWildcardElement.h>
