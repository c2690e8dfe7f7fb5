-- Shared by the scripts that write a promise change or a delivery together with the nudges it implies
-- (concatenated in front of them by LuaScripts; NudgeJobs lays out its KEYS and ARGV).
--
-- follow_ups(k, i) writes follow-up jobs into the workspace's nudge queue. A job is added only if it is
-- neither already queued nor already sent; cancelled ids are removed from the queue.
-- KEYS from k: nudge:due, nudge:leased, then for each of the n jobs to add: nudge:job:<id>, nudge:sent:<id>,
--              then for each of the c ids to cancel: nudge:job:<id>.
-- ARGV from i: n, n x (id, at, field count f, f x (field, value)), c, c x id.
-- Returns the next ARGV index.
local function follow_ups(k, i)
  local due, leased = KEYS[k], KEYS[k + 1]
  k = k + 2
  local n = tonumber(ARGV[i]); i = i + 1
  for x = 1, n do
    local id, at, f = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
    i = i + 3
    local job, sent = KEYS[k], KEYS[k + 1]
    k = k + 2
    if redis.call('EXISTS', sent) == 0 and redis.call('EXISTS', job) == 0 then
      redis.call('HSET', job, 'at', at, unpack(ARGV, i, i + 2 * f - 1))
      redis.call('ZADD', due, at, id)
    end
    i = i + 2 * f
  end
  local c = tonumber(ARGV[i]); i = i + 1
  for x = 1, c do
    local id = ARGV[i]; i = i + 1
    local job = KEYS[k]
    k = k + 1
    redis.call('ZREM', due, id)
    redis.call('ZREM', leased, id)
    redis.call('DEL', job)
  end
  return i
end
