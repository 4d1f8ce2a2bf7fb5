// How a cause of the FAQ walk looks, the same in the Troubleshooter, the report and the status
// bar: a cause whose findings are all information is something "to note", never "failed".
import type { Severity } from './finding';
import { SEVERITY_ORDER } from './finding';

/** passed; failed (an error); warning (customers wait, an action is due); toNote (information only); notApplicable. */
export type CauseMood = 'passed' | 'failed' | 'warning' | 'toNote' | 'notApplicable';

/** The worst severity of a list; undefined when it is empty. */
export function worstSeverity(severities: Iterable<Severity>): Severity | undefined {
  let worst: Severity | undefined;
  for (const severity of severities) {
    if (worst === undefined || SEVERITY_ORDER[severity] < SEVERITY_ORDER[worst]) worst = severity;
  }
  return worst;
}

/** A cause's mood from its outcome and the severities of its findings. */
export function causeMood(outcome: 'passed' | 'failed' | 'notApplicable', severities: Iterable<Severity>): CauseMood {
  if (outcome !== 'failed') return outcome;
  const worst = worstSeverity(severities);
  return worst === 'error' || worst === undefined ? 'failed' : worst === 'warning' ? 'warning' : 'toNote';
}

/** Moods in the order a reader should see them: what failed first, what passed last. */
export const MOOD_ORDER: Readonly<Record<CauseMood, number>> = { failed: 0, warning: 1, toNote: 2, passed: 3, notApplicable: 4 };
