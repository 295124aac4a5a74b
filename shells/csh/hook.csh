{%- include "csh/transition.csh" %}
