// The simulation of Commerce headquarters and the channel side, on sql.js: one HQ database and
// one database per channel database group. This facade holds the actions a scenario replays;
// each stage lives in its own module, and everything a rule or a view reads is in ./queries/.
import type { SqlJsStatic } from 'sql.js';
import type { FeatureId } from '../domain/features';
import type { EditableField } from '../domain/fields';
import type { CdxJobId } from '../domain/jobs';
import { KNOWN_COUNTRY_REGIONS, KNOWN_CUSTOMER_GROUPS } from '../domain/tables';
import { createBatchTables, runSynchronizeBatch } from './batchJob';
import { createAddress, createCustomer, editCustomer } from './channelActions';
import { addChannel, type ChannelSettings, updateChannel } from './channelView';
import { advance, setClock } from './clock';
import { runDownloadJob, runJob, type RunOptions } from './cdxJobs';
import type { SqlConnection } from './connection';
import { initialState, SimContext, type SimulationState } from './context';
import { SimDatabase } from './database';
import { disableFeature, enableFeature, initialiseFeatures } from './featureManagement';
import { generateCustomers, type GenerateInput } from './generation';
import { CUSTOMER_SEQUENCE, FIRST_ACCOUNT_NUMBER } from './identities';
import { registerContext } from './internal';
import { editFailedOperation, resync } from './syncStatusPage';
import { issueLoyaltyCard } from './loyalty';
import { createCustomerOrder, createSale, runSynchronizeOrders } from './orders';
import type { AddressCreateInput, CustomerEditInput, CustomerInput, OrderInput, Outcome, SimulationConfig } from './types';

export type * from './types';
export { SimulationCancelled } from './types';
export type { SimulationState } from './context';
export type { RunOptions } from './cdxJobs';
export { DEFAULT_CSU_CACHE_MS } from '../domain/time';

export class Simulation {
  private readonly ctx: SimContext;

  /** On sql.js (the extension, the command line), or on any connection (the benchmark's native SQLite). */
  constructor(engine: SqlJsStatic | SqlConnection, config: SimulationConfig) {
    const db = new SimDatabase(engine);
    const ctx = new SimContext(db, config, initialState(config));
    this.ctx = ctx;
    registerContext(this, ctx);
    createBatchTables(ctx);
    for (const code of KNOWN_COUNTRY_REGIONS) {
      db.run(db.hq, 'INSERT INTO LOGISTICSADDRESSCOUNTRYREGION (COUNTRYREGIONID) VALUES (?)', [code]);
    }
    for (const group of KNOWN_CUSTOMER_GROUPS) {
      db.run(db.hq, 'INSERT INTO CUSTGROUP (CUSTGROUP) VALUES (?)', [group]);
    }
    db.run(db.hq, 'INSERT INTO NUMBERSEQUENCE (NAME, NEXTREC) VALUES (?, ?)', [CUSTOMER_SEQUENCE, FIRST_ACCOUNT_NUMBER]);
    initialiseFeatures(ctx, config.features);
    for (const channel of config.channels) {
      addChannel(ctx, channel);
    }
    // At start every channel database holds what HQ holds, as if every download job had just run.
    for (const name of db.channelDatabases.keys()) {
      for (const job of ['1110', '1070', '1010'] as const) {
        runDownloadJob(ctx, job, name, undefined, true);
      }
    }
  }

  /** The simulated clock, ms since the epoch. */
  get now(): number {
    return this.ctx.now;
  }

  /** A copy of everything the simulation keeps outside SQLite (plain data, for checkpoints). */
  exportState(): SimulationState {
    return structuredClone(this.ctx.state);
  }

  /**
   * Every database's content as bytes (a logical dump: each table's rows in order), for
   * determinism checks: the same scenario gives byte-identical dumps.
   */
  exportAll(): Map<string, Uint8Array> {
    return this.ctx.db.exportAll();
  }

  close(): void {
    this.ctx.db.close();
  }

  /** Set by replay: long actions check it between chunks of work. */
  setCancellation(isCancelled: (() => boolean) | undefined): void {
    this.ctx.isCancelled = isCancelled;
  }

  // ---- the actions a scenario replays ------------------------------------------------

  /** Moves the clock forward to `at`; earlier times are ignored (the scenario layer reports them). */
  setClock(at: number): void {
    setClock(this.ctx, at);
  }

  advance(ms: number, origin?: string): Outcome {
    return advance(this.ctx, ms, origin);
  }

  enableFeature(id: FeatureId, origin?: string): Outcome {
    return enableFeature(this.ctx, id, origin);
  }

  disableFeature(id: FeatureId, origin?: string): Outcome {
    return disableFeature(this.ctx, id, origin);
  }

  updateChannel(channelId: string, settings: ChannelSettings, origin?: string): Outcome {
    return updateChannel(this.ctx, channelId, settings, origin);
  }

  runJob(jobId: CdxJobId, channelDatabase: string | undefined, origin?: string, options?: RunOptions): Outcome {
    return runJob(this.ctx, jobId, channelDatabase, origin, options);
  }

  runSynchronizeBatch(origin?: string, options?: RunOptions): Outcome {
    return runSynchronizeBatch(this.ctx, origin, options);
  }

  editFailedOperation(operationId: string, changes: Readonly<Partial<Record<EditableField, string | null>>>, origin?: string): Outcome {
    return editFailedOperation(this.ctx, operationId, changes, origin);
  }

  resync(operationId: string, origin?: string): Outcome {
    return resync(this.ctx, operationId, origin);
  }

  createCustomer(input: CustomerInput, origin?: string): Outcome {
    return createCustomer(this.ctx, input, origin);
  }

  editCustomer(input: CustomerEditInput, origin?: string): Outcome {
    return editCustomer(this.ctx, input, origin);
  }

  createAddress(input: AddressCreateInput, origin?: string): Outcome {
    return createAddress(this.ctx, input, origin);
  }

  createCustomerOrder(input: OrderInput, origin?: string): Outcome {
    return createCustomerOrder(this.ctx, input, origin);
  }

  createSale(input: OrderInput, origin?: string): Outcome {
    return createSale(this.ctx, input, origin);
  }

  runSynchronizeOrders(origin?: string, options?: RunOptions): Outcome {
    return runSynchronizeOrders(this.ctx, origin, options);
  }

  issueLoyaltyCard(input: Omit<OrderInput, 'mode'>, origin?: string): Outcome {
    return issueLoyaltyCard(this.ctx, input, origin);
  }

  generateCustomers(input: GenerateInput, origin?: string): Outcome {
    return generateCustomers(this.ctx, input, origin);
  }
}
