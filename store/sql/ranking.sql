-- National ranking for a year and stage: index, band, rank, last year's rank, close calls.
WITH current_year AS (
    SELECT region_code, score, band, framework_id,
           rank() OVER (ORDER BY score DESC) AS rank,
           lag(score) OVER (ORDER BY score DESC) AS score_above,
           lead(score) OVER (ORDER BY score DESC) AS score_below
    FROM scores
    WHERE year = $year AND stage = $stage AND kind = 'index'
), previous_year AS (
    SELECT region_code, score, framework_id,
           rank() OVER (ORDER BY score DESC) AS rank
    FROM scores
    WHERE year = $year - 1 AND stage = $stage AND kind = 'index'
)
SELECT c.rank, c.region_code, r.name, r.province_code, r.province_name, r.kind,
       c.score AS index, c.band,
       p.score AS previous_index, c.score - p.score AS improvement,
       p.rank AS previous_rank, p.rank - c.rank AS rank_change,
       p.framework_id IS NOT NULL AND p.framework_id <> c.framework_id AS method_changed,
       coalesce(c.score_above - c.score < $close, false)
           OR coalesce(c.score - c.score_below < $close, false) AS too_close_to_call
FROM current_year AS c
JOIN regions AS r ON r.code = c.region_code
LEFT JOIN previous_year AS p ON p.region_code = c.region_code
ORDER BY c.score DESC, c.region_code;
