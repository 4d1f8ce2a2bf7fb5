// How modules inside src/sim/ (the read model, the SQL console) reach a simulation's database
// and state. Nothing outside src/sim/ imports this file (test/unit/architecture.test.ts checks).
import type { SimContext } from './context';

const contexts = new WeakMap<object, SimContext>();

export function registerContext(sim: object, ctx: SimContext): void {
  contexts.set(sim, ctx);
}

export function contextOf(sim: object): SimContext {
  const ctx = contexts.get(sim);
  if (!ctx) {
    throw new Error('Not a simulation.');
  }
  return ctx;
}
