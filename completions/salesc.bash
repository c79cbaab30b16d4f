# bash completion for salesc (installed as share/bash-completion/completions/salesc).
# The commands and options are those of `salesc help` and `salesc COMMAND --help`; the
# test tests/install/install_test.sh checks that every one of them is here.

_salesc() {
  local cur prev words cword
  _init_completion -n = || return

  local commands="check build report emit analyze simulate forecast roi conform backtest calibrate fmt lsp config help"
  local shared="-I -Werror -Wno- --color= --error-limit= --stdlib= --config= --no-config --help --version"
  if [[ $cword -eq 1 ]]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  local command=${words[1]} options=""
  case $command in
    check) options="--format= --emit= --list-diagnostics --sarif-root= --stdin-filename= --quiet --max-warnings= --fix --unsafe-fixes --diff --baseline= --write-baseline= --prune-baseline -j" ;;
    build) options="-o --png --quiet --layout-seconds= --theme= --identifiers" ;;
    report) options="-o --theme= --quiet --layout-seconds= --pipeline= --events= --from= --map= --as-of= --horizon= --pdf" ;;
    emit) options="--to= --chart= --process= -o --layout-seconds= --theme= --identifiers --dialect= --sql-schema= --events-table= --pipeline-table= --from= --map=" ;;
    analyze) options="--format= --process=" ;;
    simulate) options="--format= --process= --prospects= --seed= --threads=" ;;
    forecast) options="--format= --process= --pipeline= --from= --map= --as-of= --horizon= --seed= --deals --events= --uncertainty --arrivals=" ;;
    roi) options="--format= --process= --campaign= --leads= --cost=" ;;
    conform) options="--format= --process= --events= --from= --map= --as-of= --suggest" ;;
    backtest) options="--format= --process= --events= --from= --map= --at= --horizon= --seed=" ;;
    calibrate) options="--format= --process= --events= --from= --map= --as-of= --min-visits= --diff --write" ;;
    fmt) options="--check --diff --stdin-filename=" ;;
    lsp) options="" ;;
    config) options="--format=" ;;
    help) COMPREPLY=($(compgen -W "${commands% help}" -- "$cur")); return ;;
  esac

  case $cur in
    --format=*)
      local formats="text json"
      [[ $command == check ]] && formats="text json sarif github junit"
      COMPREPLY=($(compgen -W "$formats" -- "${cur#*=}")); return ;;
    --emit=*) COMPREPLY=($(compgen -W "tokens ast model" -- "${cur#*=}")); return ;;
    --to=*) COMPREPLY=($(compgen -W "dot svg png tables csv markdown mermaid bpmn sql vega-lite" -- "${cur#*=}")); return ;;
    --dialect=*) COMPREPLY=($(compgen -W "postgres duckdb sqlite spark bigquery snowflake" -- "${cur#*=}")); return ;;
    --chart=*) COMPREPLY=($(compgen -W "funnel time-share time-to-win conversion-gain" -- "${cur#*=}")); return ;;
    --theme=*) COMPREPLY=($(compgen -W "light dark" -- "${cur#*=}")); return ;;
    --arrivals=*) COMPREPLY=($(compgen -W "history" -- "${cur#*=}")); return ;;
    --color=*) COMPREPLY=($(compgen -W "auto always never" -- "${cur#*=}")); return ;;
    --stdlib=* | --sarif-root=*) COMPREPLY=($(compgen -d -- "${cur#*=}")); return ;;
    --from=*) COMPREPLY=($(compgen -W "salesforce hubspot pipedrive dynamics zoho" -- "${cur#*=}")); return ;;
    --pipeline=* | --events=* | --map=* | --stdin-filename=* | --config=* | --baseline=* | --write-baseline=*) COMPREPLY=($(compgen -f -- "${cur#*=}")); return ;;
    -*)
      COMPREPLY=($(compgen -W "$options $shared" -- "$cur"))
      [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
      return ;;
  esac
  case $prev in
    -o | -I) _filedir -d; return ;;
  esac
  [[ $command == fmt ]] && { _filedir sales; return; }
  _filedir '@(sales|json)'
}
complete -F _salesc salesc
