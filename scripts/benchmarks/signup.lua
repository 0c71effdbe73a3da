-- wrk script: each request posts a new, unique address as a plain HTML form to POST /subscribe.
-- With an argument (`wrk ... -s signup.lua URL -- DIR [TAG]`), each thread also writes one line per
-- request to DIR/sent-<thread>.tsv: the address and the time (CLOCK_REALTIME, seconds) the request
-- was handed to the socket, so the signup → confirmation latency can be measured at the SMTP sink.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } herald_timespec;
  int clock_gettime(int clock, herald_timespec *now);
]]
local clock = ffi.new("herald_timespec")

local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  -- A second argument tells apart wrk processes started in the same second (bench-signup-postgres).
  prefix = (args[2] or "") .. "t" .. id .. "-" .. tostring(os.time())
  if args[1] then
    log = io.open(args[1] .. "/sent-" .. id .. ".tsv", "w")
    log:setvbuf("line")
  end
end

function request()
  counter = counter + 1
  local address = "reader-" .. prefix .. "-" .. counter .. "@example.org"
  if log then
    ffi.C.clock_gettime(0, clock)
    log:write(string.format("%s\t%d.%09d\n", address, tonumber(clock.tv_sec), tonumber(clock.tv_nsec)))
  end
  local body = "email=" .. address:gsub("@", "%%40") .. "&newsletter=news"
  return wrk.format("POST", "/subscribe", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
