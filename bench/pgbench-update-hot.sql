-- The bare SQL of PUT modify on one instance: the same UPDATE, always of the first seeded instance.
-- bench/run replaces @IDS@ with the seeded instances.
UPDATE instance SET description = 'machine learning python2.7 notebook', auto_stop_enabled = true,
    auto_stop_duration_seconds = 7200, updated_at = now(), version = version + 1
    WHERE id = ('{@IDS@}'::uuid[])[1];
