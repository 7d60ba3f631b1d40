-- One region's indicator rows for a year and stage.
SELECT indicator_code, level, claimed_level, evidence, note
FROM assessments
WHERE region_code = $region AND year = $year AND stage = $stage
ORDER BY indicator_code;
