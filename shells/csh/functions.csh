{#- `deactivate` and the helper it calls. The helper runs the binary outside any double
    quotes (where csh would split its arguments) and sources what it printed from a
    private temporary file. #}
set _venvsh_exe = {{ exe|csh }} ;
alias __venvsh_apply 'set _venvsh_script = `mktemp` && "$_venvsh_exe" __dispatch tcsh \!* >! "$_venvsh_script" && source "$_venvsh_script" ; rm -f "$_venvsh_script" ; unset _venvsh_script' ;
alias deactivate '__venvsh_apply deactivate' ;
