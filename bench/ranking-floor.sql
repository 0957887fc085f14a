-- The floor for the ranking: every unit's confirmed facts for 2025 in one hand-written query over the
-- same SQLite file (bench/ranking.sh times it against the portal's ranking page).
WITH acts AS (
    SELECT p.UnitId AS UnitId, a.PairingId, a.Status, a.Date, a.PersonHours, a.Rating, a.LeaderTookPart
    FROM Activities a JOIN Pairings p ON p.Id = a.PairingId
    WHERE a.Status IN (2, 3) AND a.Date >= '2025-01-01' AND a.Date <= '2025-12-31'
),
per_unit AS (
    SELECT UnitId,
           SUM(Status = 2) AS Confirmed,
           SUM(CASE WHEN Status = 2 THEN CAST(PersonHours AS REAL) END) AS Hours,
           SUM(CASE WHEN Status = 2 THEN (COALESCE(Rating, 1) - 1) / 4.0 END) AS RatingPoints,
           SUM(Status = 2 AND LeaderTookPart) AS WithLeader,
           SUM(Status = 3) AS Disputed
    FROM acts GROUP BY UnitId
),
months AS (
    SELECT UnitId, COUNT(*) AS ActiveMonths
    FROM (SELECT DISTINCT UnitId, PairingId, strftime('%m', Date) FROM acts WHERE Status = 2)
    GROUP BY UnitId
),
tasks AS (
    SELECT p.UnitId, COUNT(*) AS Due, SUM(t.Status = 3) AS Done
    FROM AgreementTasks t JOIN Agreements g ON g.Id = t.AgreementId JOIN Pairings p ON p.Id = g.PairingId
    WHERE t.DueDate >= '2025-01-01' AND t.DueDate <= '2025-12-31' AND t.Status <> 4 AND g.Status IN (4, 7)
    GROUP BY p.UnitId
),
active_pairings AS (
    SELECT UnitId, COUNT(*) AS Active FROM Pairings WHERE Status = 2 AND StartDate <= '2025-12-31' GROUP BY UnitId
)
SELECT u.Id, u.Name, u.StaffCount, pr.Active, m.ActiveMonths, a.Confirmed, a.Hours, a.RatingPoints, a.WithLeader, a.Disputed, t.Due, t.Done
FROM Units u
LEFT JOIN per_unit a ON a.UnitId = u.Id
LEFT JOIN months m ON m.UnitId = u.Id
LEFT JOIN tasks t ON t.UnitId = u.Id
LEFT JOIN active_pairings pr ON pr.UnitId = u.Id
WHERE u.IsActive = 1;
