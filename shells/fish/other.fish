{#- Another tool's activation goes first, when transition `t` changes the activation. -#}
{%- if let Some(other) = t.other %}
# A standard activate.fish (python -m venv, virtualenv, uv) sourced alone or on top
# of venvsh's defines its own `deactivate`, which alone knows what it saved (PATH,
# the prompt): it undoes its activation first (issue 11, item 5).
if builtin set -q VIRTUAL_ENV[1]; and builtin functions -q deactivate
    and not builtin string match -q -- '*__venvsh_apply*' (builtin functions deactivate | builtin string collect)
    deactivate nondestructive
    builtin functions -e deactivate
end
{%- if let Some(env) = other.env %}
{%- if let Some(entry) = other.path_entry %}
# Without that `deactivate` here (a child shell inherits no functions), its PATH
# entry goes.
if builtin test "$VIRTUAL_ENV" = {{ env|fish }}
    if builtin set -l __venvsh_index (builtin contains -i -- {{ entry|fish_path }} $PATH)
        builtin set -e PATH[$__venvsh_index]
    end
end
{%- endif %}
{%- endif %}
{%- endif %}
