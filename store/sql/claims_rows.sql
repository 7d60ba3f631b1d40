-- Both stages' indicator rows of a year for some regions (all when $regions is empty), for the
-- claims-against-verification view: stage I holds the claims, stage II their verification.
SELECT stage, region_code, indicator_code, level, claimed_level, evidence
FROM assessments
WHERE year = $year AND stage IN ('I', 'II')
  AND (len($regions) = 0 OR list_contains($regions, region_code))
ORDER BY stage, region_code, indicator_code;
