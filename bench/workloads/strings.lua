-- strings: N strings built from a number each, put into a table, then
-- joined into one; returns the length of the result.
local N = 200000

local parts = {}
for i = 0, N - 1 do
  parts[i + 1] = i .. ","
end
local text = table.concat(parts)
return #text
