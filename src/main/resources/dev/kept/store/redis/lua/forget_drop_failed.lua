-- Forgets the records of nudges that failed for good whose id or reason names the person.
-- KEYS[1]  nudge:failed
-- KEYS[2]  nudge:failed:order
-- ARGV: the user id. Returns how many records were dropped.
local uid = ARGV[1]
local dropped = 0
for _, id in ipairs(redis.call('HKEYS', KEYS[1])) do
  local reason = redis.call('HGET', KEYS[1], id) or ''
  if string.find(id, uid, 1, true) or string.find(reason, uid, 1, true) then
    redis.call('HDEL', KEYS[1], id)
    redis.call('LREM', KEYS[2], 0, id)
    dropped = dropped + 1
  end
end
for _, id in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
  if string.find(id, uid, 1, true) then
    redis.call('LREM', KEYS[2], 0, id)
  end
end
return dropped
