-- The highest replication counter HQ has received from each channel, and when records stopped.
-- Run in: the HQ (AXDB) database of a sandbox or a development environment, in SSMS or sqlcmd.
--   Read-only.
-- Answers: "Which async records have not been uploaded yet?": compare HIGHESTCOUNTER per
--   channel with the channel database's channel/async-records-on-channel.sql. A channel whose
--   counter is higher on the channel than here has records the P-job has not brought to HQ:
--   check Commerce Data Exchange > Upload sessions for failed P-0001 sessions.
-- Save as CSV: SSMS: right-click the grid > Save Results As... > CSV. sqlcmd:
--   sqlcmd -S SERVER -d AXDB -E -s"," -W -i highest-counter-uploaded.sql -o highest-counter-uploaded.csv
SELECT
    ORIGINATINGCHANNEL,
    COUNT(*) AS STAGEDRECORDS,
    MAX(REPLICATIONCOUNTERFROMORIGIN) AS HIGHESTCOUNTER
FROM dbo.RETAILASYNCCUSTOMERV2
GROUP BY ORIGINATINGCHANNEL
ORDER BY ORIGINATINGCHANNEL;
