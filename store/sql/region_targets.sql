-- One region's dimension targets for a year.
SELECT dimension, target
FROM read_parquet($path)
WHERE region_code = $region AND year = $year
ORDER BY dimension;
