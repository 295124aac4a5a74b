-- A mock of the part of Clink's API that `venvsh hook clink` uses, for clink.rs
-- (see its header): driven over stdin/stdout, one command per line, every argument
-- hex-encoded.
local function unhex(s) return (s:gsub("..", function(h) return string.char(tonumber(h, 16)) end)) end
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function shq(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local env, cwd, popens = {}, nil, 0
local begin, filters = {}, {}
local real_popen = io.popen

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
os.isdir = function(path)
    local f = io.open(path .. "/.", "r")
    if f then f:close() return true end
    return false
end
os.isfile = function(path)
    if os.isdir(path) then return false end
    local f = io.open(path, "r")
    if f then f:close() return true end
    return false
end
io.popen = function(line)
    popens = popens + 1
    -- cmd.exe /c: a line that starts with a quote loses its first and last quote.
    assert(line:sub(1, 1) == '"' and line:sub(-1) == '"', "not wrapped for cmd /c: " .. line)
    local inner = line:sub(2, -2)
    local words = {}
    for name, value in pairs(env) do words[#words + 1] = shq(name .. "=" .. value) end
    table.sort(words)
    return real_popen("cd " .. shq(cwd) .. " && exec env -i " .. table.concat(words, " ") .. " " .. inner)
end

local function reply(s) io.write(s, "\n"); io.flush() end
for line in io.lines() do
    local verb, a, b = line:match("^(%S+) ?(%x*) ?(%x*)$")
    a, b = unhex(a or ""), unhex(b or "")
    if verb == "set" then env[a] = b; reply("ok")
    elseif verb == "unset" then env[a] = nil; reply("ok")
    elseif verb == "cd" then cwd = a; reply("ok")
    elseif verb == "load" then dofile(a); reply("ok " .. #begin .. " " .. #filters)
    elseif verb == "get" then reply(env[a] and hex(env[a]) or "-")
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
