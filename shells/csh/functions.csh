{#- `deactivate` and the helper it calls. The helper runs venvsh outside any double quotes
    (where csh would split its arguments); venvsh writes the code for tcsh into a private
    temporary file, which the helper sources. External commands are called as `\NAME`,
    past an alias of that name (`alias rm 'rm -i'`); builtins cannot be: a quoted name is
    never a builtin in tcsh (issue 11, item 3). #}
set _venvsh_exe = {{ exe|csh }} ;
alias __venvsh_apply 'set _venvsh_script = `\mktemp` && "$_venvsh_exe" __wrapped tcsh --code-file "$_venvsh_script" --code-only -- \!* && source "$_venvsh_script" ; \rm -f "$_venvsh_script" ; unset _venvsh_script' ;
alias deactivate '__venvsh_apply deactivate' ;
