-- Per province and indicator: regions with verified evidence, and how many regions of the province were assessed.
WITH chosen AS (
    SELECT a.region_code, a.indicator_code, a.evidence, r.province_code, r.province_name
    FROM assessments a JOIN regions r ON r.code = a.region_code
    WHERE a.year = $year AND a.stage = $stage
), assessed AS (
    SELECT province_code, count(DISTINCT region_code) AS regions FROM chosen GROUP BY province_code
)
SELECT c.province_code, any_value(c.province_name) AS province_name, c.indicator_code,
       count(*) FILTER (WHERE c.evidence = 'verified') AS verified, any_value(s.regions) AS regions
FROM chosen c JOIN assessed s USING (province_code)
GROUP BY c.province_code, c.indicator_code
ORDER BY c.province_code, c.indicator_code;
