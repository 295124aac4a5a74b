{#- The rc-file integration for bash, zsh and POSIX sh. -#}
# venvsh shell integration for {{ view.shell_name()|posix }}.
# Load it from your rc file with:  eval "$(venvsh hook {{ view.shell_name()|posix }})"
{%- include "sh/transition.sh" %}
