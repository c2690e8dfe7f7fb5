-- Counts one more nudge for a person on a day.
-- KEYS[1]  nudge:count:<user>:<day>
-- ARGV: seconds to keep the counter.
local n = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return n
