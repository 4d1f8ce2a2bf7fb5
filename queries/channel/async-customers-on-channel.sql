-- Every async customer operation in the channel database: the temporary id and the operation.
-- Run in: the CHANNEL DATABASE, in SSMS or sqlcmd. Read-only.
-- Answers: "Which customers were created or edited asynchronously here?" CUSTACCOUNTASYNC is
--   the temporary id POS shows while the customer is Pending sync; OPERATION is 1 for a
--   creation, 2 for an edit, 3 for a deactivation. Look these ids up on HQ's Customer
--   synchronization status page, or in hq/staged-customers-not-completed.sql.
-- Save as CSV: SSMS: right-click the grid > Save Results As... > CSV. sqlcmd:
--   sqlcmd -S SERVER -d CHANNELDB -E -s"," -W -i async-customers-on-channel.sql -o async-customers-on-channel.csv
SELECT
    CUSTACCOUNTASYNC,
    CUSTACCOUNT,
    ORIGINATINGCHANNEL,
    OPERATION,
    REPLICATIONCOUNTERFROMORIGIN
FROM ax.RETAILASYNCCUSTOMERV2
ORDER BY ORIGINATINGCHANNEL, REPLICATIONCOUNTERFROMORIGIN;
