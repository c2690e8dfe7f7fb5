-- Queues nudges in one workspace (jobs already queued or sent are left alone).
-- KEYS[1 ..]  the follow-ups' keys (lib/follow_ups.lua): nudge:due, nudge:leased, job and sent of each job
-- ARGV: the follow-ups (lib/follow_ups.lua).
follow_ups(1, 1)
return 1
