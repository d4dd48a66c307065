-- The bare SQL of GET detail: the row of an instance drawn at random, by id.
-- bench/run replaces @COUNT@ and @IDS@ with the seeded instances.
\set n random(1, @COUNT@)
SELECT * FROM instance WHERE id = ('{@IDS@}'::uuid[])[:n];
