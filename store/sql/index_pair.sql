-- Each region's index in two (year, stage) pairs, for movers and stage comparisons.
WITH first_pick AS (
    SELECT region_code, score FROM scores WHERE kind = 'index' AND year = $first_year AND stage = $first_stage
), second_pick AS (
    SELECT region_code, score FROM scores WHERE kind = 'index' AND year = $second_year AND stage = $second_stage
)
SELECT r.code AS region_code, r.name, r.province_code, r.province_name, f.score AS first_score, s.score AS second_score,
       s.score - f.score AS change
FROM first_pick AS f
JOIN second_pick AS s USING (region_code)
JOIN regions AS r ON r.code = f.region_code
ORDER BY change DESC, region_code;
