-- Every region's scores of one kind (index | dimension | chain | element) for a year and stage.
SELECT region_code, dimension, code, score, band
FROM scores
WHERE year = $year AND stage = $stage AND kind = $kind
ORDER BY region_code, code;
