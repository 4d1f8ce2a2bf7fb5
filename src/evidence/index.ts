// Evidence import, the reading half: HQ exports in, typed evidence out. Pure: no vscode, no sql.js.
export { groupEvidence } from './bundle';
export type { ChannelDatabaseEvidence, ChannelEvidence, Evidence, FeatureEvidence } from './bundle';
export { readingChoices } from './choices';
export type { ReadingChoices } from './choices';
export { collectEvidence } from './collect';
export type { CollectOptions, EvidenceCollection } from './collect';
export { channelDatabasesIn, channelsIn, describeNeedsMapping, parseChannelPairs, resolveChannelDatabases } from './channels';
export type { ChannelDatabaseResolution } from './channels';
export { parseDateOrder, parseTimeZone } from './dates';
export type { DateOrder } from './dates';
export { EvidenceFileError, EvidenceOptionError, formatWarning } from './errors';
export type { EvidenceFileProblem, EvidenceWarning } from './errors';
export { EVIDENCE_KINDS, KIND_SPECS } from './kinds';
export type { EvidenceKind } from './kinds';
export { parseHeaderMapping, parseHeaderMappingText } from './mapping';
export type { HeaderMapping } from './mapping';
export { DEFAULT_MAX_FILE_BYTES, readEvidenceFile, readEvidenceFiles } from './read';
export type { EvidenceFileReading, EvidenceReading, EvidenceReadOptions, TableSummary } from './read';
export type {
  BatchRunRecord,
  DownloadSessionRecord,
  EvidenceRecord,
  EvidenceSource,
  FeatureRecord,
  IgnoredRows,
  StagedCustomerRecord,
  SyncStatusRecord,
  UploadSessionRecord,
} from './records';
export { DEFAULT_XLSX_LIMITS } from './xlsx';
export type { SheetSelection, XlsxLimits } from './xlsx';
export { generateScenario } from './generate';
export type { GenerateOptions } from './generate';
