-- A digest was delivered: the held nudges it carried are remembered as sent, those it found done are
-- forgotten, and what follows is queued. A listed job that is leased right now (someone else holds it)
-- is left to its holder.
-- KEYS[1]       nudge:leased
-- KEYS[2]       nudge:job:<digest id>
-- KEYS[3]       nudge:sent:<digest id>
-- KEYS[4]       nudge:held:<user>
-- KEYS[5]       nudge:due
-- KEYS[6 ..]    for each delivered id: nudge:job:<id>, nudge:sent:<id>; then for each done id: nudge:job:<id>
-- KEYS[.. end]  the follow-ups' keys (lib/follow_ups.lua)
-- ARGV: token, digest id, seconds to remember sent ids, n, n delivered ids, m, m done ids, then the
-- follow-ups (lib/follow_ups.lua).
local ttl = ARGV[3]
local i, k = 4, 6
for pass = 1, 2 do
  local n = tonumber(ARGV[i]); i = i + 1
  for x = 1, n do
    local id = ARGV[i]; i = i + 1
    local job = KEYS[k]; k = k + 1
    redis.call('ZREM', KEYS[4], id)
    if redis.call('HEXISTS', job, 'token') == 0 then
      redis.call('DEL', job)
      redis.call('ZREM', KEYS[5], id)
    end
    if pass == 1 then
      local sent = KEYS[k]; k = k + 1
      redis.call('SET', sent, '1', 'EX', ttl)
    end
  end
end
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('DEL', KEYS[2])
redis.call('SET', KEYS[3], '1', 'EX', ttl)
follow_ups(k, i)
return 1
