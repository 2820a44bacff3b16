-- map: N inserts under string keys, then N lookups of the same keys.
-- The sum starts as a float (0.0): it passes 2^31, and fengari's integers are 32-bit.
local N = 200000

local m = {}
for i = 0, N - 1 do
  m["k" .. i] = i
end
local sum = 0.0
for i = 0, N - 1 do
  sum = sum + m["k" .. i]
end
return sum
