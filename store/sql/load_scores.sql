-- Pre-aggregated scores of newly read snapshots, tagged with their snapshot, year and stage.
INSERT INTO all_scores
SELECT f.year, f.stage, f.snapshot_id, f.framework_id,
       s.region_code, s.kind, s.dimension, s.code, s.score, s.band
FROM read_parquet($files, filename = true, hive_partitioning = false) AS s
JOIN snapshot_files AS f ON f.file = s.filename
ORDER BY f.year, f.stage, s.kind, s.region_code;
