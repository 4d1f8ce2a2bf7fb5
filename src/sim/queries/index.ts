// The read model: every question a rule or a view asks the simulation, as a typed function
// returning typed records. One file per subject; SQL stays inside them.
export * from './cdxJobs';
export * from './channels';
export * from './customers';
export * from './eventLog';
export * from './features';
export * from './operations';
export * from './pipeline';
export * from './realtimeCalls';
export type { Row, SqlValue, TableRow } from './records';
export * from './staging';
export * from './sessions';
export * from './schedules';
