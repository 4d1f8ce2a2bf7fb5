-- Async customer records the channel database holds, by channel, with their replication counters.
-- Run in: the CHANNEL DATABASE (self-hosted Commerce Scale Unit, or a sandbox's channel database),
--   in SQL Server Management Studio (SSMS) or sqlcmd. Read-only.
-- Answers: "Customers created at the store don't show up in HQ": which async customers are
--   waiting on the channel. Compare the highest REPLICATIONCOUNTERFROMORIGIN per channel with
--   the HQ query hq/highest-counter-uploaded.sql: records above HQ's highest counter have not
--   been uploaded yet (the P-job has not run, or its upload sessions fail).
-- Save as CSV: SSMS: right-click the grid > Save Results As... > CSV. sqlcmd:
--   sqlcmd -S SERVER -d CHANNELDB -E -s"," -W -i async-records-on-channel.sql -o async-records-on-channel.csv
SELECT
    ORIGINATINGCHANNEL,
    COUNT(*) AS ASYNCRECORDS,
    MAX(REPLICATIONCOUNTERFROMORIGIN) AS HIGHESTCOUNTER
FROM ax.RETAILASYNCCUSTOMERV2
GROUP BY ORIGINATINGCHANNEL
ORDER BY ORIGINATINGCHANNEL;
