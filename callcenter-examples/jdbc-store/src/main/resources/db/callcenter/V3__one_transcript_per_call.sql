-- A call has at most one transcript, also when several nodes start one at the same moment: the plain index on
-- cc_transcripts.call_id becomes a unique one. Transcripts without a call (call_id NULL) stay unlimited, as NULLs
-- never collide in a unique index on H2 or PostgreSQL. Fails, changing nothing, if a call already has two
-- transcripts: merge or delete the extra ones first.

CREATE UNIQUE INDEX cc_transcripts_call_unique ON cc_transcripts (call_id);
DROP INDEX cc_transcripts_call;
