-- A claimed nudge was delivered: forget the job, remember it as sent, queue what follows it.
-- KEYS[1]     nudge:leased
-- KEYS[2]     nudge:job:<id>
-- KEYS[3]     nudge:sent:<id>
-- KEYS[4 ..]  the follow-ups' keys (lib/follow_ups.lua)
-- ARGV: token, id, seconds to remember it as sent, then the follow-ups (lib/follow_ups.lua).
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('DEL', KEYS[2])
redis.call('SET', KEYS[3], '1', 'EX', ARGV[3])
follow_ups(4, 4)
return 1
