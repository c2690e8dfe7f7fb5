-- Replaces the body of one entry of a hosted conversation, found by its id.
-- KEYS[1]  chat:<conversation>
-- ARGV: entry id, new body. Returns 1 when replaced, 0 when no entry has that id.
local items = redis.call('LRANGE', KEYS[1], 0, -1)
local prefix = ARGV[1] .. '\n'
for i, v in ipairs(items) do
  if string.sub(v, 1, #prefix) == prefix then
    redis.call('LSET', KEYS[1], i - 1, prefix .. ARGV[2])
    return 1
  end
end
return 0
