-- Takes back one counted nudge: never below zero; a missing counter stays missing.
-- KEYS[1]  nudge:count:<user>:<day>
local n = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if n > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0
