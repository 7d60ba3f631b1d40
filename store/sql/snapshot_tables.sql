-- The rows of every snapshot some Store of this data folder reads (the active ones, and those an
-- agenda is frozen to), each tagged with its snapshot; views per reader select their snapshots.
CREATE TABLE IF NOT EXISTS all_scores (
    year BIGINT, stage VARCHAR, snapshot_id VARCHAR, framework_id VARCHAR, region_code VARCHAR,
    kind VARCHAR, dimension VARCHAR, code VARCHAR, score DOUBLE, band TINYINT
);
CREATE TABLE IF NOT EXISTS all_assessments (
    snapshot_id VARCHAR, year BIGINT, stage VARCHAR, region_code VARCHAR, indicator_code VARCHAR,
    level TINYINT, claimed_level TINYINT, evidence VARCHAR, note VARCHAR
);
