-- A claimed nudge is held back over its recipient's daily cap, and their digest is queued.
-- KEYS[1]     nudge:leased
-- KEYS[2]     nudge:job:<id>
-- KEYS[3]     nudge:held:<user>
-- KEYS[4 ..]  the digest's follow-up keys (lib/follow_ups.lua)
-- ARGV: token, id, then the digest as follow-ups (lib/follow_ups.lua).
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('HDEL', KEYS[2], 'token')
redis.call('ZADD', KEYS[3], tonumber(redis.call('HGET', KEYS[2], 'at')) or 0, ARGV[2])
follow_ups(4, 3)
return 1
