-- natives: the cost of calling a host function from script. `min` is a
-- JavaScript function the harness registered as a global.
local N = 1000000

local s = 0
for i = 0, N - 1 do
  s = s + min(i, 2)
end
return s
