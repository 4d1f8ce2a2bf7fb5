// How a scenario refers to customers and operations: a customer by its email, "First Last", its
// temporary id or its account number; an operation by its id or by its customer. Resolved here,
// from what the scenario created so far, before an action reaches the simulation.
import { latestOperationOf } from '../sim/queries';
import type { CustomerRef, Outcome, Simulation } from '../sim/simulation';

/** What the references remember (plain data, so a replay can checkpoint it with the simulation). */
export interface ReferencesState {
  /** Reference as written, lower case (email, "first last") → the customer's temporary id or account number. */
  readonly keys: Record<string, string>;
  /** References more than one customer of the scenario answers to ("Ana Berg" twice). */
  readonly ambiguous: string[];
}

export class CustomerReferences {
  constructor(readonly state: ReferencesState = { keys: {}, ambiguous: [] }) {}

  /** After a customer was created: its email and name now refer to it (the latest wins). */
  remember(input: { firstName?: string; lastName?: string; email?: string }, outcome: Outcome): void {
    if (!outcome.ok || outcome.key === undefined) {
      return;
    }
    for (const ref of customerRefsOf(input)) {
      const earlier = this.keyOf(ref);
      if (earlier !== undefined && earlier !== outcome.key && !this.state.ambiguous.includes(ref)) {
        this.state.ambiguous.push(ref);
      }
      this.state.keys[ref] = outcome.key;
    }
  }

  /**
   * The customer a reference stands for. A reference nobody was created with stands for itself
   * (a temporary id, an account number, a generated customer's email).
   */
  resolve(reference: string): CustomerRef {
    const normalized = reference.trim().toLowerCase();
    return { reference, key: this.keyOf(normalized) ?? reference, ambiguous: this.state.ambiguous.includes(normalized) };
  }

  /** An operation id as written, or the latest failed (else latest) operation of a customer reference. */
  resolveOperation(sim: Simulation, reference: string): string {
    const trimmed = reference.trim();
    if (/^ASYNC-\d+$/i.test(trimmed)) {
      return trimmed.toUpperCase();
    }
    const key = this.keyOf(trimmed.toLowerCase()) ?? trimmed;
    return latestOperationOf(sim, key) ?? trimmed;
  }

  private keyOf(normalized: string): string | undefined {
    return Object.hasOwn(this.state.keys, normalized) ? this.state.keys[normalized] : undefined;
  }
}

/** The ways a scenario may refer to a customer it created: its email, "First Last". */
function customerRefsOf(input: { firstName?: string; lastName?: string; email?: string }): string[] {
  const refs: string[] = [];
  if (input.email) {
    refs.push(input.email.trim().toLowerCase());
  }
  const name = [input.firstName, input.lastName].filter(Boolean).join(' ').trim().toLowerCase();
  if (name) {
    refs.push(name);
  }
  return refs;
}
