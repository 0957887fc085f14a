-- The floor for the ranking: every active unit's facts for 2025 in one hand-written query over the same SQLite file
-- (bench/ranking.sh times it against the portal's ranking page). The same aggregates as ScoringFacts.GatherAsync:
-- per pairing over the period's confirmed and disputed activities (count, hours, rating points, with the leader,
-- distinct active months, disputed) summed per unit; pairings in force; tasks due, confirmed and overdue;
-- inspections (count and score sum); the last confirmed activity before the period. (Missed joint meetings need
-- half-year arithmetic per agreement and are left out, as before.)
--
-- How it stays close to the cost of reading the rows once:
--   - the period's activities are read from the covering index IX_Activities_Scoring
--     (Status, Date, PairingId, Category, PersonHours, Rating, LeaderTookPart): two range searches
--     (Status = 2 and Status = 3, Date within the period), no table row touched;
--   - they are aggregated by PairingId first (25,000 groups), and only those few rows are joined to Pairings
--     and summed per unit — not a join of every activity to its pairing;
--   - "last confirmed before the period" is another covering range (Status = 2, Date < period start) grouped the same way;
--   - tasks are grouped by agreement before the agreement → pairing → unit join.
-- EXPLAIN QUERY PLAN: SEARCH Activities USING COVERING INDEX IX_Activities_Scoring (Status=? AND Date>? AND Date<?)
WITH per_pairing AS MATERIALIZED (
    SELECT PairingId,
           SUM(Status = 2) AS Confirmed,
           SUM(CASE WHEN Status = 2 THEN CAST(PersonHours AS REAL) END) AS Hours,
           SUM(CASE WHEN Status = 2 THEN (COALESCE(Rating, 1) - 1) / 4.0 END) AS RatingPoints,
           SUM(Status = 2 AND LeaderTookPart) AS WithLeader,
           COUNT(DISTINCT CASE WHEN Status = 2 THEN substr(Date, 6, 2) END) AS ActiveMonths,
           SUM(Status = 3) AS Disputed
    FROM Activities INDEXED BY IX_Activities_Scoring
    WHERE Status IN (2, 3) AND Date >= '2025-01-01' AND Date <= '2025-12-31'
    GROUP BY PairingId
),
per_unit AS (
    SELECT p.UnitId, SUM(a.Confirmed) AS Confirmed, SUM(a.Hours) AS Hours, SUM(a.RatingPoints) AS RatingPoints,
           SUM(a.WithLeader) AS WithLeader, SUM(a.ActiveMonths) AS ActiveMonths, SUM(a.Disputed) AS Disputed
    FROM per_pairing a JOIN Pairings p ON p.Id = a.PairingId
    GROUP BY p.UnitId
),
last_before AS (
    SELECT p.UnitId, MAX(l.Last) AS LastBefore
    FROM (SELECT PairingId, MAX(Date) AS Last FROM Activities INDEXED BY IX_Activities_Scoring
          WHERE Status = 2 AND Date < '2025-01-01' GROUP BY PairingId) l
    JOIN Pairings p ON p.Id = l.PairingId
    GROUP BY p.UnitId
),
task_by_agreement AS MATERIALIZED (
    SELECT AgreementId, COUNT(*) AS Due, SUM(Status = 3) AS Done, SUM(Status <> 3 AND DueDate < date('now')) AS Overdue
    FROM AgreementTasks
    WHERE DueDate >= '2025-01-01' AND DueDate <= '2025-12-31' AND Status <> 4
    GROUP BY AgreementId
),
tasks AS (
    SELECT p.UnitId, SUM(t.Due) AS Due, SUM(t.Done) AS Done, SUM(t.Overdue) AS Overdue
    FROM task_by_agreement t JOIN Agreements g ON g.Id = t.AgreementId JOIN Pairings p ON p.Id = g.PairingId
    WHERE g.Status IN (4, 7)
    GROUP BY p.UnitId
),
insp AS (
    SELECT p.UnitId, SUM(i.Count) AS Inspections, SUM(i.Score) AS ScoreSum
    FROM (SELECT PairingId, COUNT(*) AS Count, SUM(Score) AS Score FROM Inspections
          WHERE Date >= '2025-01-01' AND Date <= '2025-12-31' GROUP BY PairingId) i
    JOIN Pairings p ON p.Id = i.PairingId
    GROUP BY p.UnitId
),
active_pairings AS (
    SELECT UnitId, COUNT(*) AS Active FROM Pairings WHERE Status = 2 AND StartDate <= '2025-12-31' GROUP BY UnitId
)
SELECT u.Id, u.Name, u.StaffCount, pr.Active, a.ActiveMonths, a.Confirmed, a.Hours, a.RatingPoints, a.WithLeader, a.Disputed,
       t.Due, t.Done, t.Overdue, i.Inspections, i.ScoreSum, lb.LastBefore
FROM Units u
LEFT JOIN per_unit a ON a.UnitId = u.Id
LEFT JOIN tasks t ON t.UnitId = u.Id
LEFT JOIN insp i ON i.UnitId = u.Id
LEFT JOIN active_pairings pr ON pr.UnitId = u.Id
LEFT JOIN last_before lb ON lb.UnitId = u.Id
WHERE u.IsActive = 1;
