-- Median index per year for each cohort (first year a region appears in the data), over the regions
-- of the provinces in $provinces (a list of province codes; empty: every region).
WITH cohorts AS (
    SELECT region_code, min(year) AS cohort FROM scores WHERE kind = 'index' GROUP BY region_code
)
SELECT s.year, c.cohort, median(s.score) AS score, count(*) AS regions
FROM scores AS s
JOIN cohorts AS c USING (region_code)
JOIN regions AS r ON r.code = s.region_code
WHERE s.stage = $stage AND s.kind = 'index'
  AND (len($provinces) = 0 OR list_contains($provinces, r.province_code))
GROUP BY s.year, c.cohort
ORDER BY c.cohort, s.year;
