// Generates the compile workload's sources: a long Cairn script of ordinary
// game code (functions with loops, branches, lists, maps, strings, points) and
// a Lua script of the same shape, so the compilers get comparable input.

/**
 * Four kinds of function, each written once in Cairn and once in Lua. `k`
 * makes every copy's names and numbers distinct.
 */
const TEMPLATES = [
  {
    cairn: (k) => `// Tallies the items heavier than a limit and names them (copy ${k}).
fn tally_${k}(items, limit = 10) {
  let total = 0
  let names = []
  for item in items {
    if item.weight > limit {
      push(names, "heavy {item.name}")
    } else if item.weight == 0 {
      continue
    } else {
      total += item.weight * ${k}
    }
  }
  while total > 1000 {
    total -= 1000
  }
  return {count: len(items), total: total, names: join(names, ", ")}
}
`,
    lua: (k) => `-- Tallies the items heavier than a limit and names them (copy ${k}).
function tally_${k}(items, limit)
  limit = limit or 10
  local total = 0
  local names = {}
  for _, item in ipairs(items) do
    if item.weight > limit then
      names[#names + 1] = "heavy " .. item.name
    elseif item.weight == 0 then
      goto continue
    else
      total = total + item.weight * ${k}
    end
    ::continue::
  end
  while total > 1000 do
    total = total - 1000
  end
  return {count = #items, total = total, names = table.concat(names, ", ")}
end
`,
  },
  {
    cairn: (k) => `// Builds a line of dialogue from a mood and a list of words (copy ${k}).
fn describe_${k}(mood, words) {
  let text = "The keeper looks {mood}."
  let i = 0
  while i < len(words) {
    let w = words[i]
    if len(w) > 6 and i % 2 == 0 {
      text += " " + upper(w)
    } else if w == "lamp" or w == "shell" {
      text += " the {w}"
    } else {
      text = text + " " + lower(w)
    }
    i += 1
  }
  if len(text) > ${100 + (k % 50)} {
    return split(text, ".")[0] + "..."
  }
  return text
}
`,
    lua: (k) => `-- Builds a line of dialogue from a mood and a list of words (copy ${k}).
function describe_${k}(mood, words)
  local text = "The keeper looks " .. mood .. "."
  local i = 1
  while i <= #words do
    local w = words[i]
    if #w > 6 and i % 2 == 0 then
      text = text .. " " .. string.upper(w)
    elseif w == "lamp" or w == "shell" then
      text = text .. " the " .. w
    else
      text = text .. " " .. string.lower(w)
    end
    i = i + 1
  end
  if #text > ${100 + (k % 50)} then
    return string.match(text, "^[^.]*") .. "..."
  end
  return text
end
`,
  },
  {
    cairn: (k) => `var lock_${k} = {tries: 0, solved: false, code: [${k % 10}, 3, 7]}

// Checks a guess against the code of lock ${k} and counts the tries.
fn guess_${k}(digits) {
  lock_${k}.tries += 1
  if lock_${k}.solved {
    return "Already open."
  }
  let correct = 0
  for j in 0..len(digits) {
    if digits[j] == lock_${k}.code[j] { correct += 1 }
  }
  if correct == len(lock_${k}.code) {
    lock_${k}.solved = true
    return "Click! It opens after {lock_${k}.tries} tries."
  }
  let hint = max(0, correct - 1)
  return "{correct} correct, hint {hint}, lock " + str(${k})
}
`,
    lua: (k) => `lock_${k} = {tries = 0, solved = false, code = {${k % 10}, 3, 7}}

-- Checks a guess against the code of lock ${k} and counts the tries.
function guess_${k}(digits)
  lock_${k}.tries = lock_${k}.tries + 1
  if lock_${k}.solved then
    return "Already open."
  end
  local correct = 0
  for j = 1, #digits do
    if digits[j] == lock_${k}.code[j] then correct = correct + 1 end
  end
  if correct == #lock_${k}.code then
    lock_${k}.solved = true
    return "Click! It opens after " .. lock_${k}.tries .. " tries."
  end
  local hint = math.max(0, correct - 1)
  return correct .. " correct, hint " .. hint .. ", lock " .. tostring(${k})
end
`,
  },
  {
    cairn: (k) => `// Walks a point toward a target in steps, kept on the screen (copy ${k}).
fn step_${k}(origin, goal, speed = ${2 + (k % 5)}) {
  let x = origin.x
  let y = origin.y
  let steps = 0
  while abs(goal.x - x) > speed or abs(goal.y - y) > speed {
    if x < goal.x { x += speed } else if x > goal.x { x -= speed }
    if y < goal.y { y += speed } else { y -= speed }
    steps += 1
    if steps > 500 { break }
  }
  x = min(max(x, 0), 640)
  y = min(max(y, 0), 360)
  let path = [origin, (x, y), goal]
  return {spot: (floor(x), floor(y)), steps: steps, path: path}
}
`,
    lua: (k) => `-- Walks a point toward a target in steps, kept on the screen (copy ${k}).
function step_${k}(origin, goal, speed)
  speed = speed or ${2 + (k % 5)}
  local x = origin.x
  local y = origin.y
  local steps = 0
  while math.abs(goal.x - x) > speed or math.abs(goal.y - y) > speed do
    if x < goal.x then x = x + speed elseif x > goal.x then x = x - speed end
    if y < goal.y then y = y + speed else y = y - speed end
    steps = steps + 1
    if steps > 500 then break end
  end
  x = math.min(math.max(x, 0), 640)
  y = math.min(math.max(y, 0), 360)
  local path = {origin, {x = x, y = y}, goal}
  return {spot = {x = math.floor(x), y = math.floor(y)}, steps = steps, path = path}
end
`,
  },
];

function generate(language, lines, header) {
  const parts = [header];
  let count = header.split('\n').length - 1;
  for (let k = 0; count < lines; k++) {
    const text = `${TEMPLATES[k % TEMPLATES.length][language](k)}\n`;
    parts.push(text);
    count += text.split('\n').length - 1;
  }
  return parts.join('');
}

/** About `lines` lines of Cairn script (whole functions, so a few more). */
export function generateCairnScript(lines) {
  return generate('cairn', lines, '// Generated by bench/compile-source.js for the compile benchmark.\n\n');
}

/** About `lines` lines of Lua in the same shape as generateCairnScript's. */
export function generateLuaScript(lines) {
  return generate('lua', lines, '-- Generated by bench/compile-source.js for the compile benchmark.\n\n');
}
