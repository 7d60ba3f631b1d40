-- All scores of one region for a year and stage.
SELECT kind, dimension, code, score, band, framework_id
FROM scores
WHERE region_code = $region AND year = $year AND stage = $stage
ORDER BY kind, code;
