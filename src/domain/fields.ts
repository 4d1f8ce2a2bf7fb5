// The fields of a customer operation, as a scenario names them and as HQ stores them.

/** Fields of an operation that the Customer synchronization status page lets the user edit. */
export const EDITABLE_FIELDS = {
  firstName: { table: 'RETAILASYNCCUSTOMERV2', column: 'FIRSTNAME' },
  lastName: { table: 'RETAILASYNCCUSTOMERV2', column: 'LASTNAME' },
  email: { table: 'RETAILASYNCCUSTOMERV2', column: 'EMAIL' },
  phone: { table: 'RETAILASYNCCUSTOMERV2', column: 'PHONE' },
  title: { table: 'RETAILASYNCCUSTOMERV2', column: 'TITLE' },
  customerGroup: { table: 'RETAILASYNCCUSTOMERV2', column: 'CUSTGROUP' },
  street: { table: 'RETAILASYNCADDRESSV2', column: 'STREET' },
  city: { table: 'RETAILASYNCADDRESSV2', column: 'CITY' },
  zip: { table: 'RETAILASYNCADDRESSV2', column: 'ZIPCODE' },
  countryRegion: { table: 'RETAILASYNCADDRESSV2', column: 'COUNTRY' },
} as const;

export type EditableField = keyof typeof EDITABLE_FIELDS;
export const EDITABLE_FIELD_NAMES = Object.keys(EDITABLE_FIELDS) as EditableField[];
