-- Median score per year (and code) across all assessed regions, for a stage and kind.
SELECT year, code, median(score) AS score, count(*) AS regions
FROM scores
WHERE stage = $stage AND kind = $kind
GROUP BY year, code
ORDER BY year, code;
