-- Stores a change of a promise (fields, history entry, indexes, nudges), only if the stored version is
-- the expected one; otherwise writes nothing and returns 0.
-- KEYS[1]     promise:<id>
-- KEYS[2]     history:<id>
-- KEYS[3]     made:open:<provider>
-- KEYS[4]     made:closed:<provider>
-- KEYS[5]     received:open:<receiver>
-- KEYS[6]     received:closed:<receiver>
-- KEYS[7]     touched
-- KEYS[8]     due
-- KEYS[9 ..]  the follow-ups' keys (lib/follow_ups.lua)
-- ARGV: expected version, id, due score, '1' when active else '0', history entry, field count f,
-- f field/value pairs, then the follow-ups (lib/follow_ups.lua), then the change time score.
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then
  return 0
end
local f = tonumber(ARGV[6])
redis.call('HSET', KEYS[1], unpack(ARGV, 7, 6 + 2 * f))
follow_ups(9, 7 + 2 * f)
redis.call('RPUSH', KEYS[2], ARGV[5])
redis.call('ZADD', KEYS[7], ARGV[#ARGV], ARGV[2])
redis.call('ZADD', KEYS[8], ARGV[3], ARGV[2])
for i = 3, 6 do
  redis.call('ZREM', KEYS[i], ARGV[2])
end
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
  redis.call('ZADD', KEYS[5], ARGV[3], ARGV[2])
else
  redis.call('ZADD', KEYS[4], ARGV[3], ARGV[2])
  redis.call('ZADD', KEYS[6], ARGV[3], ARGV[2])
end
return 1
