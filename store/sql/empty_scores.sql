-- No active snapshot yet: an empty scores table with the loaded columns.
CREATE OR REPLACE TABLE scores (
    year BIGINT, stage VARCHAR, snapshot_id VARCHAR, framework_id VARCHAR, region_code VARCHAR,
    kind VARCHAR, dimension VARCHAR, code VARCHAR, score DOUBLE, band TINYINT
);
