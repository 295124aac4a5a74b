{# Runs on Clink's Lua (5.2 and later: load() with an environment, read("*a")). -#}
-- venvsh for cmd.exe with Clink (Lua inside cmd.exe). Save it in a Clink script
-- directory, e.g.  venvsh hook clink > "%LOCALAPPDATA%\clink\venvsh.lua"
-- (`clink info` lists them). Explicit activation in cmd stays the venvsh.cmd wrapper.
if __venvsh_clink_loaded then return end
__venvsh_clink_loaded = true
{%- if auto %}

-- Auto-activation. Before each input line the script compares the directory and whether
-- it holds a .venv with what it saw last, in Lua; venvsh runs only when one changed.
-- io.popen runs the line through cmd.exe /c, which drops the outer pair of quotes.
local venvsh_command = '"' .. {{ exe|lua_cmd_arg }} .. ' hook-env --shell clink"'
local last_dir, last_marker

local function has_marker(dir)
    local venv = dir
    if not venv:find("[/\\]$") then venv = venv .. "/" end
    venv = venv .. ".venv"
    return (os.isdir(venv) or os.isfile(venv)) and true or false
end

local function venvsh_hook()
    local dir = os.getcwd()
    if not dir then return end
    local marker = has_marker(dir)
    if dir == last_dir and marker == last_marker then return end
    last_dir, last_marker = dir, marker
    local pipe = io.popen(venvsh_command)
    if not pipe then return end
    local code = pipe:read("*a")
    pipe:close()
    if not code or code == "" then return end
    -- Text only, and nothing in scope but setenv: the chunk can set variables, no more.
    local chunk = load(code, "=venvsh hook-env", "t", { setenv = os.setenv })
    if chunk then pcall(chunk) end
end

clink.onbeginedit(venvsh_hook)
{%- endif %}

-- The prompt: "(name) " in front while venvsh's activation is active, unless cmd's own
-- PROMPT already carries it (explicit activation through venvsh.cmd) or
-- VIRTUAL_ENV_DISABLE_PROMPT is set and not empty, 0 or false. Priority 1 runs early,
-- so a filter that replaces the whole prompt (starship, oh-my-posh) has the last word.
local venvsh_prompt = clink.promptfilter(1)
function venvsh_prompt:filter(prompt)
    local name = os.getenv("VIRTUAL_ENV_PROMPT")
    if not name or not os.getenv("VENVSH_STATE") or os.getenv("__VENVSH_OLD_PROMPT") then
        return nil
    end
    local disable = os.getenv("VIRTUAL_ENV_DISABLE_PROMPT")
    if disable and disable ~= "" and disable ~= "0" and disable:lower() ~= "false" then
        return nil
    end
    return "(" .. name:gsub("[\0-\31\127]", "?") .. ") " .. prompt
end
