-- A claimed nudge goes back in the queue, due again later.
-- KEYS[1]  nudge:leased
-- KEYS[2]  nudge:job:<id>
-- KEYS[3]  nudge:due
-- ARGV: token, id, due millis, attempts.
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('HSET', KEYS[2], 'at', ARGV[3], 'attempts', ARGV[4])
redis.call('HDEL', KEYS[2], 'token')
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
return 1
