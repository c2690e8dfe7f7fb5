-- Removes nudge jobs wherever they are in the queue.
-- KEYS[1]        nudge:due
-- KEYS[2]        nudge:leased
-- KEYS[3 .. 2+n] nudge:job:<id> of each of the n ids in ARGV
-- ARGV: the job ids. Returns how many were listed.
for x = 1, #ARGV do
  redis.call('ZREM', KEYS[1], ARGV[x])
  redis.call('ZREM', KEYS[2], ARGV[x])
  redis.call('DEL', KEYS[2 + x])
end
return #ARGV
