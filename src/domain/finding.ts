// The one finding type shared by the command line, the Problems panel, the trees and the report.
import type { RuleId } from './ruleIds';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A place in the scenario text, as offsets and as a line/character range. */
export interface Location {
  readonly offset: number;
  readonly length: number;
  readonly range: Range;
}

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly range: Range;
  readonly newText: string;
}

/** A fix is an edit of the scenario text; applying it and replaying makes its finding go away. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly isPreferred: boolean;
}

/** A simulated row that shows why a finding fired, with table and column names as in HQ. */
export interface Evidence {
  /** 'HQ' or the channel database name. */
  readonly database: string;
  readonly table: string;
  readonly key: string;
  readonly columns: Readonly<Record<string, string | number | null>>;
  /** The scenario place that wrote this row, when there is one. */
  readonly location?: Location;
}

export interface Remedy {
  readonly text: string;
  readonly menuPath?: string;
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly location: Location;
  readonly evidence: readonly Evidence[];
  /** The FAQ question this finding answers, when it answers one. */
  readonly question?: string;
  readonly remedy?: Remedy;
  readonly fixes: readonly Fix[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
