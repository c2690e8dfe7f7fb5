-- Rewrites one promise (hash and history) with the forgotten person's id replaced, moves it between
-- the remaining party's lists and drops its nudges; only if its version and history length are still
-- what the caller read, else writes nothing and returns 0.
-- KEYS[1]        promise:<id>
-- KEYS[2]        history:<id>
-- KEYS[3]        nudge:due
-- KEYS[4]        nudge:leased
-- KEYS[5]        touched
-- KEYS[6], [7]   only when ARGV[8] is '1' (a real person remains): their open and closed list for their side
-- KEYS[.. end]   nudge:job:<id> of each of the j job ids in ARGV, from KEYS[8] (or KEYS[6] when nobody remains)
-- ARGV: expected version, expected history length, id, due score, '1' active / '0' closed,
-- '1' when closed just now (touched) else '0', now ms, '1' when someone remains else '0',
-- field count f, f pairs, history count h, h entries, job count j, j job ids.
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] or redis.call('LLEN', KEYS[2]) ~= tonumber(ARGV[2]) then
  return 0
end
local id = ARGV[3]
local i = 9
local f = tonumber(ARGV[i]); i = i + 1
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, i, i + 2 * f - 1))
i = i + 2 * f
local h = tonumber(ARGV[i]); i = i + 1
redis.call('DEL', KEYS[2])
local k = 0
while k < h do
  local n = math.min(500, h - k)
  redis.call('RPUSH', KEYS[2], unpack(ARGV, i + k, i + k + n - 1))
  k = k + n
end
i = i + h
local remains = ARGV[8] == '1'
local jobs = remains and 8 or 6
local j = tonumber(ARGV[i]); i = i + 1
for x = 0, j - 1 do
  redis.call('ZREM', KEYS[3], ARGV[i + x])
  redis.call('ZREM', KEYS[4], ARGV[i + x])
  redis.call('DEL', KEYS[jobs + x])
end
if remains then
  if ARGV[5] == '1' then
    redis.call('ZREM', KEYS[7], id)
    redis.call('ZADD', KEYS[6], ARGV[4], id)
  else
    redis.call('ZREM', KEYS[6], id)
    redis.call('ZADD', KEYS[7], ARGV[4], id)
  end
end
if ARGV[6] == '1' then
  redis.call('ZADD', KEYS[5], ARGV[7], id)
end
return 1
