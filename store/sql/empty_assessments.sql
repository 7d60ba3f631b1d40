-- No active snapshot yet: an empty assessments table with the loaded columns.
CREATE OR REPLACE TABLE assessments (
    year BIGINT, stage VARCHAR, region_code VARCHAR, indicator_code VARCHAR,
    level TINYINT, claimed_level TINYINT, evidence VARCHAR, note VARCHAR
);
