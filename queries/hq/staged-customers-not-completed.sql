-- Async customer operations staged in HQ that the batch job has not completed.
-- Run in: the HQ (AXDB) database of a sandbox or a development environment, in SSMS or sqlcmd.
--   Read-only. (Production HQ has no direct SQL access: ask for a database copy to a sandbox.)
-- Answers: "Customers created at the store don't show up in HQ": rows with
--   ONLINEOPERATIONCOMPLETED = 0 reached HQ with the P-job, but "Synchronize customers and
--   channel requests" has not processed them (it has not run, or it failed). Import the result
--   with `async-customer-doctor import`: each row becomes a pending operation.
-- Save as CSV: SSMS: right-click the grid > Save Results As... > CSV. sqlcmd:
--   sqlcmd -S SERVER -d AXDB -E -s"," -W -i staged-customers-not-completed.sql -o staged-customers-not-completed.csv
SELECT
    CUSTACCOUNTASYNC,
    CUSTACCOUNT,
    ORIGINATINGCHANNEL,
    OPERATION,
    REPLICATIONCOUNTERFROMORIGIN,
    ONLINEOPERATIONCOMPLETED
FROM dbo.RETAILASYNCCUSTOMERV2
WHERE ONLINEOPERATIONCOMPLETED = 0
ORDER BY ORIGINATINGCHANNEL, REPLICATIONCOUNTERFROMORIGIN;
