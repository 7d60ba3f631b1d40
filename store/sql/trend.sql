-- Scores of a kind (index or dimension) over all years of a stage for some regions.
SELECT s.year, s.region_code, r.name, s.code, s.score, s.band, s.framework_id
FROM scores AS s
JOIN regions AS r ON r.code = s.region_code
WHERE s.stage = $stage AND s.kind = $kind AND list_contains($regions, s.region_code)
ORDER BY s.region_code, s.code, s.year;
