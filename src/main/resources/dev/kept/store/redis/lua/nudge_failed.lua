-- Lists the nudges that failed for good. Returns id, reason, id, reason… newest first.
-- KEYS[1]  nudge:failed
-- KEYS[2]  nudge:failed:order
local out = {}
for _, id in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
  local reason = redis.call('HGET', KEYS[1], id)
  if reason then
    out[#out + 1] = id
    out[#out + 1] = reason
  end
end
return out
