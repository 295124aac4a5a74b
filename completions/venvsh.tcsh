# venvsh completions for tcsh. Load them from ~/.tcshrc with:  source FILE
# `\venvsh` runs the binary, not the hook's alias.
complete venvsh \
    'C@[./~]*@d@' \
    'c/--/(clear compile-bytecode copies force help json link-mode list name no-auto prompt python quiet shell symlinks system-site-packages upgrade upgrade-deps without-pip without-scm-ignore-files yes)/' \
    'p/1/(activate workon deactivate create cache allow deny doctor list ls remove rm run shell which status completions hook init)/' \
    'n/activate/`\venvsh __complete-envs`/' \
    'n/workon/`\venvsh __complete-envs`/' \
    'n/run/`\venvsh __complete-envs`/' \
    'n/shell/`\venvsh __complete-envs`/' \
    'n/which/`\venvsh __complete-envs`/' \
    'n/remove/`\venvsh __complete-envs`/' \
    'n/rm/`\venvsh __complete-envs`/' \
    'n/-n/`\venvsh __complete-envs`/' \
    'n/--name/`\venvsh __complete-envs`/' \
    'n/hook/(bash zsh sh fish tcsh powershell nu cmd clink xonsh)/' \
    'n/init/(bash zsh sh fish tcsh powershell nu cmd clink xonsh)/' \
    'n/--shell/(bash zsh sh fish tcsh powershell nu cmd clink xonsh)/' \
    'n/completions/(bash zsh fish tcsh powershell nu xonsh elvish)/'
