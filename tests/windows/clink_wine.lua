-- The Windows host for tests/shells/clink_mock.lua (see tests/windows/clink.rs's header):
-- Windows paths on wine's drive Z:, and io.popen as Clink's, through wine's real cmd.exe.
-- Loaded before the mock replaces os.getenv: the real one reads this Lua process's own
-- environment, which holds what wine needs and VENVSH_MOCK_POPEN (clink_popen.exe).
local getenv = os.getenv
local real_popen = io.popen
local function shq(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- What wine itself needs, from this process; wine also copies these into the Windows
-- environment, as it adds its own (SystemRoot, ComSpec, WINE…) to every process.
local WINE = { "HOME", "LANG", "PATH", "WINEDEBUG", "WINEPREFIX" }
-- Names wine does not copy from the Unix environment into the Windows one (it keeps
-- them for itself or makes them from its registry): PATH is carried by clink_popen.exe.
local NOT_COPIED = { HOME = true, PWD = true, TEMP = true, TMP = true }
local popen_exe = assert(getenv("VENVSH_MOCK_POPEN"), "VENVSH_MOCK_POPEN is not set")

-- A Windows path as a path of this Linux machine: wine's Z: is the Unix root. Anything
-- else (another drive, a relative or UNC path) fails: the hook never asks for one.
local function unix(path)
    local rest = path:match("^[Zz]:([\\/].*)$")
    assert(rest, "not a path on drive Z: " .. path)
    return (rest:gsub("\\", "/"))
end

local host = {}

-- Clink's os.isdir/os.isfile ask Windows (GetFileAttributes); under wine, Z:\a\b is /a/b.
function host.isdir(path)
    local f = io.open(unix(path) .. "/.", "r")
    if f then f:close() return true end
    return false
end

function host.isfile(path)
    if host.isdir(path) then return false end
    local f = io.open(unix(path), "r")
    if f then f:close() return true end
    return false
end

-- Clink's io.popen is Lua's, the C runtime's _popen(line, "r"): it starts
-- `%ComSpec% /c LINE` with cmd.exe's environment (which Clink's os.setenv changes) in
-- cmd.exe's current directory, and reads its output in text mode.
-- Here wine starts tests/windows/clink_popen.exe, which does exactly that, with the table
-- as its environment and the table's cwd (mapped to Unix) as its directory. wine takes
-- the Windows PATH from its registry, not from the Unix environment, so the table's PATH
-- travels as VENVSH_MOCK_PATH and the line as VENVSH_MOCK_LINE; the helper moves the
-- one to PATH and drops the other before cmd.exe starts (see its header).
function host.popen(line, env, cwd)
    local words = {}
    for _, name in ipairs(WINE) do words[#words + 1] = shq(name .. "=" .. getenv(name)) end
    for name, value in pairs(env) do
        local upper = name:upper()
        if upper == "PATH" then
            name = "VENVSH_MOCK_PATH"
        else
            assert(not NOT_COPIED[upper] and not upper:find("^WINE") and upper ~= "LANG"
                and not upper:find("^VENVSH_MOCK_"),
                "the mock cannot carry " .. name .. " into the Windows environment")
        end
        words[#words + 1] = shq(name .. "=" .. value)
    end
    words[#words + 1] = shq("VENVSH_MOCK_LINE=" .. line)
    local pipe = real_popen("cd " .. shq(unix(cwd)) .. " && exec env -i "
        .. table.concat(words, " ") .. " wine " .. shq(popen_exe))
    -- Text mode, as _popen(line, "r") reads it: CRLF becomes LF, and Ctrl-Z ends the data.
    local wrapper = {}
    function wrapper:read(format)
        assert(format == "*a" or format == "a", "the mock reads only *a")
        local data = pipe:read("a"):gsub("\r\n", "\n")
        return data:match("^[^\26]*")
    end
    function wrapper:close() return pipe:close() end
    return wrapper
end

return host
