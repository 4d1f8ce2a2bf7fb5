-- Customers the channel database still knows only by their temporary id (Pending sync in POS).
-- Run in: the CHANNEL DATABASE, in SSMS or sqlcmd. Read-only.
-- Answers: "Customers are in HQ but POS still shows them as Pending sync" and "Why can't I issue
--   a loyalty card to this new customer?": async creations whose customer has not come back
--   to the channel's customer table with a real account number (ax.RETAILCUSTTABLE: job 1010
--   brings the customer with its ACCOUNTNUM and keeps the temporary id in CUSTACCOUNTASYNC). When HQ's Customer synchronization status
--   page shows them Succeeded, job 1010 (Customers) has not run for this channel database since.
-- Save as CSV: SSMS: right-click the grid > Save Results As... > CSV. sqlcmd:
--   sqlcmd -S SERVER -d CHANNELDB -E -s"," -W -i customers-pending-sync.sql -o customers-pending-sync.csv
SELECT
    a.CUSTACCOUNTASYNC,
    a.ORIGINATINGCHANNEL,
    a.REPLICATIONCOUNTERFROMORIGIN
FROM ax.RETAILASYNCCUSTOMERV2 AS a
WHERE a.OPERATION = 1
    AND NOT EXISTS (
        SELECT 1 FROM ax.RETAILCUSTTABLE AS c
        WHERE c.CUSTACCOUNTASYNC = a.CUSTACCOUNTASYNC AND c.ACCOUNTNUM <> a.CUSTACCOUNTASYNC)
ORDER BY a.ORIGINATINGCHANNEL, a.REPLICATIONCOUNTERFROMORIGIN;
