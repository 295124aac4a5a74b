  # venvsh: environment names from the store, besides paths.
  export def "nu-complete venvsh envs" [] {
    ^venvsh __complete-envs | lines
  }
{#- Inserted into clap's nushell completions module: the store names completer. #}
