-- wrk script: each request posts a new, unique address as a plain HTML form to POST /subscribe.
local counter = 0
local threads = {}
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  prefix = "t" .. id .. "-" .. tostring(os.time())
end

function request()
  counter = counter + 1
  local body = "email=reader-" .. prefix .. "-" .. counter .. "%40example.org&newsletter=news"
  return wrk.format("POST", "/subscribe", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
