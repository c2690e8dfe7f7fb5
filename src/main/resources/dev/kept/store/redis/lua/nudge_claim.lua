-- Claims due nudges of one workspace among candidates the caller has just seen: expired leases first,
-- then due jobs, each in the order given. A candidate another instance took meanwhile is skipped.
-- KEYS[1]          nudge:due
-- KEYS[2]          nudge:leased
-- KEYS[3 .. 2+e+d] nudge:job:<id> of each candidate, in ARGV's order
-- ARGV: now ms, lease expiry ms, how many at most, token prefix, e, e leased ids, d, d due ids.
-- Returns one row per claimed job: kind (0 expired lease, 1 due), score it was picked by, id, token,
-- claims, the job hash as a field/value list.
local now, expiry, left, prefix = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), ARGV[4]
local out, seen = {}, {}
local a, k = 5, 3
local function take(set, kind)
  local from = KEYS[set]
  local n = tonumber(ARGV[a]); a = a + 1
  for x = 1, n do
    local id = ARGV[a]
    local job = KEYS[k]
    a, k = a + 1, k + 1
    if left > 0 then
      local raw = redis.call('ZSCORE', from, id)
      local score = tonumber(raw)
      if score and score <= now then
        if seen[id] then
          -- queued and leased at once (not done by this queue): claimed from leased already
          if kind == 1 then
            redis.call('ZREM', from, id)
          end
        elseif redis.call('EXISTS', job) == 0 then
          redis.call('ZREM', from, id)
        else
          seen[id] = true
          if kind == 1 then
            redis.call('ZREM', from, id)
          end
          local token = prefix .. id
          redis.call('ZADD', KEYS[2], expiry, id)
          local claims = redis.call('HINCRBY', job, 'claims', 1)
          redis.call('HSET', job, 'token', token)
          out[#out + 1] = {tostring(kind), raw, id, token, tostring(claims), redis.call('HGETALL', job)}
          left = left - 1
        end
      end
    end
  end
end
take(2, 0)
take(1, 1)
return out
