-- Indicator rows of newly read snapshots, sorted so one region's rows are read together.
INSERT INTO all_assessments
SELECT f.snapshot_id, f.year, f.stage, a.region_code, a.indicator_code, a.level,
       a.claimed_level, a.evidence, a.note
FROM read_parquet($files, filename = true, hive_partitioning = false) AS a
JOIN snapshot_files AS f ON f.file = a.filename
ORDER BY a.region_code, f.year, f.stage, a.indicator_code;
