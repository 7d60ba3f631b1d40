-- Every region's index of a year and stage, with the framework its snapshot was scored with.
SELECT region_code, score AS index, framework_id
FROM scores
WHERE year = $year AND stage = $stage AND kind = 'index'
ORDER BY region_code;
