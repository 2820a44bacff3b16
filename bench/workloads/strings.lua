-- strings: N appends of a formatted number to a line that is flushed at 80
-- characters, as text wrapping does; returns the characters written.
local N = 200000

local line = ""
local chars = 0
for i = 0, N - 1 do
  line = line .. i .. ","
  if #line >= 80 then
    chars = chars + #line
    line = ""
  end
end
return chars + #line
