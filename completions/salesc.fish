# fish completion for salesc (installed in share/fish/vendor_completions.d). The commands
# and options are those of `salesc help` and `salesc COMMAND --help`.
set -l commands check build emit analyze simulate forecast roi conform help
complete -c salesc -f
complete -c salesc -n "not __fish_seen_subcommand_from $commands" -a check -d 'check files and report problems (the CI linter)'
complete -c salesc -n "not __fish_seen_subcommand_from $commands" -a build -d 'check, then write flowcharts, playbooks and tables'
complete -c salesc -n "not __fish_seen_subcommand_from $commands" -a emit -d 'check, then write one artifact'
complete -c salesc -n "not __fish_seen_subcommand_from $commands" -a analyze -d 'win probabilities, times, bottlenecks, sensitivity'
complete -c salesc -n "not __fish_seen_subcommand_from $commands" -a simulate -d 'Monte Carlo through the process'
complete -c salesc -n "not __fish_seen_subcommand_from $commands" -a forecast -d 'revenue of the open deals'
complete -c salesc -n "not __fish_seen_subcommand_from $commands" -a roi -d 'what a campaign returns'
complete -c salesc -n "not __fish_seen_subcommand_from $commands" -a conform -d 'real stage histories vs the process'
complete -c salesc -n "not __fish_seen_subcommand_from $commands" -a help -d "the list of commands, or a command's options"
complete -c salesc -n "__fish_seen_subcommand_from help" -a "check build emit analyze simulate forecast roi conform"

# Every command reads .sales files (the runtime commands tables.json too).
complete -c salesc -n "__fish_seen_subcommand_from $commands" -F
complete -c salesc -l version -d 'print the version'
complete -c salesc -n "__fish_seen_subcommand_from $commands" -s I -r -a '(__fish_complete_directories)' -d 'look for imported files in this folder too'
complete -c salesc -n "__fish_seen_subcommand_from $commands" -o Werror -d 'warnings are errors'
complete -c salesc -n "__fish_seen_subcommand_from $commands" -o Wno- -d 'turn a warning off: -Wno-NAME or -Wno-CODE'
complete -c salesc -n "__fish_seen_subcommand_from $commands" -l color -x -a 'auto always never' -d 'colour the text report'
complete -c salesc -n "__fish_seen_subcommand_from $commands" -l error-limit -x -d 'stop the text report after N errors'
complete -c salesc -n "__fish_seen_subcommand_from $commands" -l stdlib -x -a '(__fish_complete_directories)' -d 'where the standard library is'

complete -c salesc -n "__fish_seen_subcommand_from check" -l format -x -a 'text json sarif github junit' -d 'how to report problems'
complete -c salesc -n "__fish_seen_subcommand_from check" -l emit -x -a 'tokens ast model' -d 'also print one phase'
complete -c salesc -n "__fish_seen_subcommand_from check" -l list-diagnostics -d 'list every diagnostic'
complete -c salesc -n "__fish_seen_subcommand_from check" -l sarif-root -x -a '(__fish_complete_directories)' -d 'the folder report paths are relative to'
complete -c salesc -n "__fish_seen_subcommand_from check" -l stdin-filename -r -d 'the name of standard input'
complete -c salesc -n "__fish_seen_subcommand_from check" -l quiet -d 'report errors only'
complete -c salesc -n "__fish_seen_subcommand_from check" -l max-warnings -x -d 'fail on more than N warnings'
complete -c salesc -n "__fish_seen_subcommand_from check" -l fix -d 'apply the safe fix-its to the files'
complete -c salesc -n "__fish_seen_subcommand_from check" -l unsafe-fixes -d 'with --fix or --diff, the guesses too'
complete -c salesc -n "__fish_seen_subcommand_from check" -l diff -d 'print the diff of what --fix would change'
complete -c salesc -n "__fish_seen_subcommand_from build" -s o -x -a '(__fish_complete_directories)' -d 'the folder to write'
complete -c salesc -n "__fish_seen_subcommand_from build" -l png -d 'also write PNG'
complete -c salesc -n "__fish_seen_subcommand_from build" -l quiet -d 'do not list the files written'
complete -c salesc -n "__fish_seen_subcommand_from build emit" -l layout-seconds -x -d 'the layout budget'
complete -c salesc -n "__fish_seen_subcommand_from emit" -l to -x -a 'dot svg png tables csv markdown mermaid bpmn' -d 'what to write'
complete -c salesc -n "__fish_seen_subcommand_from emit" -s o -r -d 'the file to write (-: stdout)'
complete -c salesc -n "__fish_seen_subcommand_from emit analyze simulate forecast roi conform" -l process -x -d 'the process'
complete -c salesc -n "__fish_seen_subcommand_from analyze simulate forecast roi conform" -l format -x -a 'text json' -d 'how to print the report'
complete -c salesc -n "__fish_seen_subcommand_from simulate" -l prospects -x -d 'how many prospects'
complete -c salesc -n "__fish_seen_subcommand_from simulate forecast" -l seed -x -d 'random seed'
complete -c salesc -n "__fish_seen_subcommand_from simulate" -l threads -x -d 'threads'
complete -c salesc -n "__fish_seen_subcommand_from forecast" -l pipeline -r -d 'the deals (CSV)'
complete -c salesc -n "__fish_seen_subcommand_from forecast conform" -l as-of -x -d 'the date'
complete -c salesc -n "__fish_seen_subcommand_from forecast" -l horizon -x -d 'days'
complete -c salesc -n "__fish_seen_subcommand_from roi" -l leads -x -d 'how many leads'
complete -c salesc -n "__fish_seen_subcommand_from roi" -l cost -x -d 'what the campaign costs'
complete -c salesc -n "__fish_seen_subcommand_from roi" -l campaign -x -d 'the campaign of the file to report'
complete -c salesc -n "__fish_seen_subcommand_from conform" -l events -r -d 'the event log (CSV)'
complete -c salesc -n "__fish_seen_subcommand_from conform" -l suggest -d 'suggest changes'
