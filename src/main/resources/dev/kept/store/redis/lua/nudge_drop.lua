-- A claimed nudge is no longer wanted: forget it.
-- KEYS[1]  nudge:leased
-- KEYS[2]  nudge:job:<id>
-- ARGV: token, id.
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('DEL', KEYS[2])
return 1
