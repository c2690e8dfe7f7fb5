-- Shared by the scripts that finish a claimed nudge (concatenated in front of them by LuaScripts):
-- nothing happens unless the caller holds the lease.
-- KEYS[2]  nudge:job:<id> (the script's own KEYS[2])
-- ARGV[1] is the lease's token.
if redis.call('HGET', KEYS[2], 'token') ~= ARGV[1] then
  return 0
end
