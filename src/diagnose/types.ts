// What rules produce before the engine localizes it and turns spans into line/character ranges.
import type { SqlValue } from 'sql.js';
import type { Severity } from '../domain/finding';
import type { MessageRef } from '../domain/l10n';
import type { RuleId } from '../domain/ruleIds';
import type { Scenario, Span, SpanFix } from '../scenario/model';
import type { Simulation } from '../sim/simulation';

export type QuestionId = 'cannotEnableEditing' | 'realtimeCallsContinue' | 'customersMissingInHq' | 'whichOperationFailed' | 'ordersAndLoyalty';

/** The FAQ's four questions, then one beyond the FAQ (orders and loyalty cards for new customers). */
export const QUESTIONS: readonly QuestionId[] = ['cannotEnableEditing', 'realtimeCallsContinue', 'customersMissingInHq', 'whichOperationFailed', 'ordersAndLoyalty'];

export type CauseOutcome = 'passed' | 'failed' | 'notApplicable';

export interface DraftEvidence {
  readonly database: string;
  readonly table: string;
  readonly key: string;
  readonly columns: Readonly<Record<string, SqlValue>>;
  readonly origin?: string | null;
}

export interface DraftFinding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: MessageRef;
  readonly span: Span;
  readonly evidence: readonly DraftEvidence[];
  readonly remedy?: { readonly text: MessageRef; readonly menuPath?: string };
  readonly fixes: readonly SpanFix[];
}

export interface RuleContext {
  readonly scenario: Scenario;
  readonly sim: Simulation;
}

/** A rule answers one cause of one FAQ question (or none, for file problems). */
export interface Rule {
  readonly id: RuleId;
  readonly question?: QuestionId;
  /** The cause as a checklist line, e.g. "Prerequisite features are enabled". */
  readonly cause: MessageRef;
  check(context: RuleContext): RuleOutcome;
}

export interface RuleOutcome {
  readonly findings: readonly DraftFinding[];
  /** notApplicable when nothing in the scenario touches this cause; else passed/failed from the findings. */
  readonly applicable: boolean;
}

/** Most findings a rule reports one by one before it sums up the rest (large scenarios). */
export const MAX_FINDINGS_PER_RULE = 50;
