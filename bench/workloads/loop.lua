-- loop: arithmetic, modulo and a branch in a tight counted loop.
-- The counter is a float (0.0) because fengari's integers are 32-bit and
-- i * i reaches 1e14; every engine then computes in doubles, like Cairn.
local N = 10000000

local acc = 0
for i = 0.0, N - 1 do
  if i % 3 == 0 then
    acc = (acc + i * i) % 1000003
  else
    acc = (acc + i) % 1000003
  end
end
return acc
