-- Drop the rows of snapshots no reader uses any more ($ids: the snapshots still in use).
DELETE FROM all_scores WHERE NOT list_contains($ids, snapshot_id);
DELETE FROM all_assessments WHERE NOT list_contains($ids, snapshot_id);
