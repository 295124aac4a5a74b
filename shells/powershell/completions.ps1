            & venvsh __complete-envs 2>$null | ForEach-Object { [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, 'stored environment') }
{#- Inserted into each case of clap's PowerShell completer for a command taking an environment. #}
