-- wrk script: signup.lua at a steady rate. Each connection waits DELAY milliseconds before each
-- request (`wrk ... -s signup_paced.lua URL -- DIR DELAY`), so the load is about
-- connections × 1000 / DELAY requests per second: a service under load but not saturated, where
-- the signup → confirmation latency shows the pipeline rather than a growing backlog.
dofile("scripts/benchmarks/signup.lua")

local pace = 0
local unpaced_init = init

function init(args)
  unpaced_init(args)
  pace = tonumber(args[2]) or 0
end

function delay()
  return pace
end
