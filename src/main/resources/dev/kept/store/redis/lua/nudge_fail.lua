-- A claimed nudge failed for good: forget the job, record why (the newest ARGV[4] records are kept).
-- KEYS[1]  nudge:leased
-- KEYS[2]  nudge:job:<id>
-- KEYS[3]  nudge:failed
-- KEYS[4]  nudge:failed:order
-- ARGV: token, id, reason, how many failures to keep.
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
redis.call('LREM', KEYS[4], 0, ARGV[2])
redis.call('LPUSH', KEYS[4], ARGV[2])
local keep = tonumber(ARGV[4])
while redis.call('LLEN', KEYS[4]) > keep do
  redis.call('HDEL', KEYS[3], redis.call('RPOP', KEYS[4]))
end
return 1
