// HQ's validations (model), as SQL: the batch job (staged rows) and a real-time call (the call's
// values) are judged by the same rules.

/** An email HQ accepts (model): one '@', something before it, a dot inside the domain, no white space. */
const VALID_EMAIL = `(LENGTH(s.EMAIL) - LENGTH(REPLACE(s.EMAIL, '@', '')) = 1 AND INSTR(s.EMAIL, '@') > 1
  AND s.EMAIL NOT GLOB ('*[' || CHAR(32, 9, 10, 13) || ']*') AND SUBSTR(s.EMAIL, INSTR(s.EMAIL, '@') + 1) GLOB '?*.?*')`;

/**
 * HQ's validations as one SELECT of (OPERATIONID, ORD, FIELD, REASON), one row per problem,
 * over customer rows aliased `s` and address rows aliased `a`.
 */
function validationProblems(customers: string, addresses: string): string {
  return `
SELECT s.OPERATIONID AS OPERATIONID, 1 AS ORD, 'lastName' AS FIELD, 'A name is required: first name and last name are both empty.' AS REASON
  FROM ${customers}
  WHERE s.OPERATIONTYPE = 'CustomerCreate' AND TRIM(COALESCE(s.FIRSTNAME, '')) = '' AND TRIM(COALESCE(s.LASTNAME, '')) = ''
UNION ALL
SELECT s.OPERATIONID, 2, 'email', 'The email address ''' || s.EMAIL || ''' is not valid.'
  FROM ${customers}
  WHERE TRIM(COALESCE(s.EMAIL, '')) <> '' AND NOT ${VALID_EMAIL}
UNION ALL
SELECT s.OPERATIONID, 3, 'customerGroup', 'The customer group ''' || s.CUSTGROUP || ''' does not exist.'
  FROM ${customers}
  WHERE TRIM(COALESCE(s.CUSTGROUP, '')) <> '' AND s.CUSTGROUP NOT IN (SELECT CUSTGROUP FROM CUSTGROUP)
UNION ALL
SELECT a.OPERATIONID, 4, 'countryRegion', 'The country/region ''' || COALESCE(a.COUNTRY, '') || ''' does not exist.'
  FROM ${addresses}
  WHERE a.COUNTRY IS NULL OR a.COUNTRY NOT IN (SELECT COUNTRYREGIONID FROM LOGISTICSADDRESSCOUNTRYREGION)`;
}

/** The validations of the staged operations in temp.BATCHOPS, into temp.BATCHPROBLEMS. */
export const VALIDATE_OPERATIONS = `INSERT INTO temp.BATCHPROBLEMS (OPERATIONID, ORD, FIELD, REASON) ${validationProblems(
  'temp.BATCHOPS b JOIN RETAILASYNCCUSTOMERV2 s ON s.OPERATIONID = b.OPERATIONID',
  'temp.BATCHOPS b JOIN RETAILASYNCADDRESSV2 a ON a.OPERATIONID = b.OPERATIONID',
)}`;

/**
 * The same validations of one real-time call. Parameters: operation type, first name, last name,
 * email, customer group, the address's country/region, and 1 when the call carries an address.
 */
export const VALIDATE_REALTIME_CALL = `WITH s AS (SELECT 'RealtimeService' AS OPERATIONID, ? AS OPERATIONTYPE, ? AS FIRSTNAME, ? AS LASTNAME, ? AS EMAIL, ? AS CUSTGROUP),
  a AS (SELECT OPERATIONID, ? AS COUNTRY FROM s WHERE ?)
SELECT * FROM (${validationProblems('s', 'a')}) ORDER BY ORD`;

/** The same validations of one staged operation as it stands now (after an Edit and Save). Parameter: the operation id. */
export const VALIDATE_STAGED_OPERATION = `WITH s AS (SELECT * FROM RETAILASYNCCUSTOMERV2 WHERE OPERATIONID = ?1),
  a AS (SELECT * FROM RETAILASYNCADDRESSV2 WHERE OPERATIONID = ?1)
SELECT * FROM (${validationProblems('s', 'a')}) ORDER BY ORD`;
