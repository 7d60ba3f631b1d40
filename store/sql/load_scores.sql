-- Pre-aggregated scores of the active snapshots, tagged with their snapshot's year and stage.
CREATE OR REPLACE TABLE scores AS
SELECT f.year, f.stage, f.snapshot_id, f.framework_id,
       s.region_code, s.kind, s.dimension, s.code, s.score, s.band
FROM read_parquet($files, filename = true, hive_partitioning = false) AS s
JOIN snapshot_files AS f ON f.file = s.filename
ORDER BY f.year, f.stage, s.kind, s.region_code;
