-- Deletes a forgotten person's four lists of promises, only if they name no other promise that exists.
-- The caller read the lists just before: every id in them that is not among the person's promises
-- (already anonymised) must be one of the ids whose promise key it passed.
-- KEYS[1 .. 4]    made:open, made:closed, received:open, received:closed of the person
-- KEYS[5 .. 4+c]  promise:<id> of each of the c other ids the caller saw in the lists
-- ARGV: k, k ids of the person's promises, c, the c other ids (in KEYS' order).
-- Returns 1 when deleted, 0 when another promise exists, -1 when the lists name an id the caller did
-- not see (read them again).
local known, other = {}, {}
local k = tonumber(ARGV[1])
for x = 2, 1 + k do
  known[ARGV[x]] = true
end
local c = tonumber(ARGV[2 + k])
for x = 1, c do
  other[ARGV[2 + k + x]] = 4 + x
end
for l = 1, 4 do
  local list = KEYS[l]
  for _, id in ipairs(redis.call('ZRANGE', list, 0, -1)) do
    if not known[id] then
      local at = other[id]
      if not at then
        return -1
      end
      local promise = KEYS[at]
      if redis.call('EXISTS', promise) == 1 then
        return 0
      end
    end
  end
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return 1
