-- fib: recursive calls and returns, nothing else. The harness may lower N.
local N = 27

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

return fib(N)
