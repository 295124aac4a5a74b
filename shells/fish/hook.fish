# venvsh shell integration for fish.
# Load it from ~/.config/fish/config.fish with:  venvsh hook fish | source
{%- include "fish/transition.fish" %}
