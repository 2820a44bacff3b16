-- objects: N records {x, y, vx, vy} moved F frames, then the sum of x + y.
-- The sum starts as a float (0.0): it passes 2^31, and fengari's integers are 32-bit.
local N = 100000
local F = 100

local ps = {}
for i = 0, N - 1 do
  ps[i + 1] = { x = i, y = i * 2, vx = i % 7 - 3, vy = i % 5 - 2 }
end
for f = 1, F do
  for j = 1, N do
    local p = ps[j]
    p.x = p.x + p.vx
    p.y = p.y + p.vy
  end
end
local sum = 0.0
for j = 1, N do
  local p = ps[j]
  sum = sum + p.x + p.y
end
return sum
