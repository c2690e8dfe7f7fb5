-- Replaces a cached profile whole, with a time to live.
-- KEYS[1]  profile:<user>
-- ARGV: TTL in ms, then field/value pairs.
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
