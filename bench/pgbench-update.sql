-- The bare SQL of PUT modify: description and auto stop of an instance drawn at random, by id, with its version.
-- bench/run replaces @COUNT@ and @IDS@ with the seeded instances.
\set n random(1, @COUNT@)
UPDATE instance SET description = 'machine learning python2.7 notebook', auto_stop_enabled = true,
    auto_stop_duration_seconds = 7200, updated_at = now(), version = version + 1
    WHERE id = ('{@IDS@}'::uuid[])[:n];
