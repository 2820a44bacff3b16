-- threads: T coroutines each yield Y times, resumed round-robin by a
-- scheduler written in Lua (one resume of every live coroutine per round).
local T = 1000
local Y = 1000
local finished, steps = 0, 0
local create, resume, status, yield = coroutine.create, coroutine.resume, coroutine.status, coroutine.yield

local function worker(n)
  local k = 0
  while k < n do
    yield()
    k = k + 1
  end
  steps = steps + k
  finished = finished + 1
end

local live, count = {}, T
for t = 1, T do live[t] = create(worker) end
while count > 0 do
  local kept = 0
  for t = 1, count do
    local co = live[t]
    local ok, err = resume(co, Y)
    if not ok then error(err) end
    if status(co) ~= "dead" then
      kept = kept + 1
      live[kept] = co
    end
  end
  for t = kept + 1, count do live[t] = nil end
  count = kept
end
return steps
