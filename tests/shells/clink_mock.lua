-- A mock of the part of Clink's API that `venvsh hook clink` uses, for clink.rs
-- (see its header): driven over stdin/stdout, one command per line, every argument
-- hex-encoded.
--
-- The host is what differs between Linux and Windows: how a path reaches the file system
-- (os.isdir, os.isfile) and how io.popen runs a line. By default it is Linux's, below; a
-- file named as the first argument returns another (tests/windows/clink_wine.lua: Windows
-- paths, and the line through wine's cmd.exe). It is loaded first, while os.getenv is
-- still the real one.
local function unhex(s) return (s:gsub("..", function(h) return string.char(tonumber(h, 16)) end)) end
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function shq(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local host = arg[1] and dofile(arg[1])
if not host then
    local real_popen = io.popen
    host = {}
    function host.isdir(path)
        local f = io.open(path .. "/.", "r")
        if f then f:close() return true end
        return false
    end
    function host.isfile(path)
        if host.isdir(path) then return false end
        local f = io.open(path, "r")
        if f then f:close() return true end
        return false
    end
    -- cmd.exe /c: a line that starts with a quote loses its first and last quote. The
    -- rest runs with exactly the environment table (`env -i`), in the directory.
    function host.popen(line, env, cwd)
        assert(line:sub(1, 1) == '"' and line:sub(-1) == '"', "not wrapped for cmd /c: " .. line)
        local inner = line:sub(2, -2)
        local words = {}
        for name, value in pairs(env) do words[#words + 1] = shq(name .. "=" .. value) end
        table.sort(words)
        return real_popen("cd " .. shq(cwd) .. " && exec env -i " .. table.concat(words, " ") .. " " .. inner)
    end
end

local env, cwd, popens = {}, nil, 0
local begin, filters = {}, {}

clink = {}
function clink.onbeginedit(f) begin[#begin + 1] = f end
function clink.promptfilter(priority)
    local filter = { priority = priority }
    filters[#filters + 1] = filter
    return filter
end
os.getcwd = function() return cwd end
os.getenv = function(name) return env[name] end
os.setenv = function(name, value) env[name] = value; return true end
os.isdir = function(path) return host.isdir(path) end
os.isfile = function(path) return host.isfile(path) end
io.popen = function(line)
    popens = popens + 1
    return host.popen(line, env, cwd)
end
-- io.popen is the only way out that is counted: the others fail the test.
os.execute = function() error("the mock has no os.execute") end

local function reply(s) io.write(s, "\n"); io.flush() end
for line in io.lines() do
    local verb, a, b = line:match("^(%S+) ?(%x*) ?(%x*)$")
    a, b = unhex(a or ""), unhex(b or "")
    if verb == "set" then env[a] = b; reply("ok")
    elseif verb == "unset" then env[a] = nil; reply("ok")
    elseif verb == "cd" then cwd = a; reply("ok")
    elseif verb == "load" then dofile(a); reply("ok " .. #begin .. " " .. #filters)
    elseif verb == "get" then reply(env[a] and hex(env[a]) or "-")
    elseif verb == "dump" then
        -- The whole table, sorted: NAME=VALUE entries, each ended by a NUL.
        local entries = {}
        for name, value in pairs(env) do entries[#entries + 1] = name .. "=" .. value .. "\0" end
        table.sort(entries)
        reply(hex(table.concat(entries)))
    elseif verb == "prompt" then
        -- What Clink does before each input line: onbeginedit, then the prompt filters
        -- by priority, starting from cmd's prompt text.
        local before = popens
        for _, f in ipairs(begin) do f() end
        table.sort(filters, function(x, y) return x.priority < y.priority end)
        local text = a
        for _, f in ipairs(filters) do
            local new = f:filter(text)
            if new ~= nil then text = new end
        end
        reply((popens - before) .. " " .. hex(text))
    else error("unknown command " .. line) end
end
