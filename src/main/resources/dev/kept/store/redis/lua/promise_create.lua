-- Stores a new promise whole (hash, first history entry, indexes, nudges), only if its id is free.
-- KEYS[1]     promise:<id>
-- KEYS[2]     history:<id>
-- KEYS[3]     made:open:<provider>
-- KEYS[4]     received:open:<receiver>
-- KEYS[5]     touched
-- KEYS[6]     due
-- KEYS[7 ..]  the follow-ups' keys (lib/follow_ups.lua)
-- ARGV: id, due score, history entry, field count f, f field/value pairs, then the follow-ups
-- (lib/follow_ups.lua), then the change time score.
if redis.call('EXISTS', KEYS[1], KEYS[2]) > 0 then
  return 0
end
local f = tonumber(ARGV[4])
redis.call('HSET', KEYS[1], unpack(ARGV, 5, 4 + 2 * f))
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[5], ARGV[#ARGV], ARGV[1])
redis.call('ZADD', KEYS[6], ARGV[2], ARGV[1])
follow_ups(7, 5 + 2 * f)
return 1
