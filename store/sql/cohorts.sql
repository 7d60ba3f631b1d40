-- The first year each region appears in any active snapshot (its cohort in this data).
SELECT region_code, min(year) AS cohort
FROM scores
WHERE kind = 'index'
GROUP BY region_code
ORDER BY region_code;
