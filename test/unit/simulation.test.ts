import { strict as assert } from 'node:assert';
import type { SqlJsStatic } from 'sql.js';
import type { FeatureId } from '../../src/domain/features';
import { CustomerReferences } from '../../src/scenario/references';
import { channelSeesFeature, featureEnabled } from '../../src/sim/queries';
import { Simulation, type AddressCreateInput, type ChannelConfig, type CustomerEditInput, type CustomerInput, DEFAULT_CSU_CACHE_MS, type Outcome } from '../../src/sim/simulation';
import { loadSql } from './helpers';
import { rawAll, rawCount, rawOne } from './rawTables';

const START = Date.UTC(2026, 10, 1, 8);
const ALL_ON: FeatureId[] = ['CustomerOrderPerformance', 'EnhancedAsyncCustomerCreation', 'AsyncCustomerAddressCreation', 'AsyncCustomerEditing'];

function store(id: string, db: string, asyncCustomerCreation: boolean, extra: Partial<ChannelConfig> = {}): ChannelConfig {
  return { id, kind: 'store', channelDatabase: db, asyncCustomerCreation, filterSharedCustomerDataTables: false, ...extra };
}

describe('simulation', () => {
  let sql: SqlJsStatic;
  const open: Simulation[] = [];

  before(async () => {
    sql = await loadSql();
  });

  afterEach(() => {
    while (open.length) {
      open.pop()!.close();
    }
  });

  function simulate(options: { features?: FeatureId[]; channels?: ChannelConfig[]; cacheMs?: number } = {}): Simulation {
    const sim = new Simulation(sql, {
      start: START,
      channels: options.channels ?? [store('Store42', 'Default', true)],
      features: (options.features ?? ALL_ON).map((id) => ({ id, enabled: true })),
      csuCacheMs: options.cacheMs ?? DEFAULT_CSU_CACHE_MS,
    });
    open.push(sim);
    return sim;
  }

  const count = (sim: Simulation, db: string, sqlText: string, params: (string | number)[] = []) => rawCount(sim, db, sqlText, params);

  // A POS refers to customers as a scenario does ("Ana Berg", an email): through the scenario's references.
  const references = new WeakMap<Simulation, CustomerReferences>();
  const refsOf = (sim: Simulation) => references.get(sim) ?? references.set(sim, new CustomerReferences()).get(sim)!;
  function posCreate(sim: Simulation, input: CustomerInput): Outcome {
    const outcome = sim.createCustomer(input);
    refsOf(sim).remember(input, outcome);
    return outcome;
  }
  function posEdit(sim: Simulation, input: Omit<CustomerEditInput, 'customer'> & { customer: string }): Outcome {
    return sim.editCustomer({ ...input, customer: refsOf(sim).resolve(input.customer) });
  }
  function posAddress(sim: Simulation, input: Omit<AddressCreateInput, 'customer'> & { customer: string }): Outcome {
    return sim.createAddress({ ...input, customer: refsOf(sim).resolve(input.customer) });
  }

  describe('feature management', () => {
    it('refuses to enable the editing feature while a prerequisite is off, naming the missing one', () => {
      const sim = simulate({ features: ['CustomerOrderPerformance', 'EnhancedAsyncCustomerCreation'] });
      const outcome = sim.enableFeature('AsyncCustomerEditing');
      assert.deepEqual(outcome, { ok: false, code: 'prerequisitesOff', params: { feature: 'AsyncCustomerEditing', missing: 'AsyncCustomerAddressCreation' } });
      assert.equal(featureEnabled(sim, 'AsyncCustomerEditing'), false);
    });

    it('enables the editing feature once its prerequisites are on, and logs the change for the channels', () => {
      const sim = simulate({ features: ['CustomerOrderPerformance', 'EnhancedAsyncCustomerCreation'] });
      assert.equal(sim.enableFeature('AsyncCustomerAddressCreation').ok, true);
      assert.equal(sim.enableFeature('AsyncCustomerEditing').ok, true);
      assert.equal(featureEnabled(sim, 'AsyncCustomerEditing'), true);
      assert.equal(count(sim, 'HQ', "SELECT COUNT(*) AS N FROM RETAILCHANGELOG WHERE KIND = 'feature'"), 2);
    });

    it('refuses to disable a prerequisite while the editing feature is on', () => {
      const sim = simulate();
      const outcome = sim.disableFeature('AsyncCustomerAddressCreation');
      assert.equal(outcome.ok, false);
      assert.equal(featureEnabled(sim, 'AsyncCustomerAddressCreation'), true);
      assert.equal(sim.disableFeature('AsyncCustomerEditing').ok, true);
      assert.equal(sim.disableFeature('AsyncCustomerAddressCreation').ok, true);
    });

    it('applies an initial editing feature with a missing prerequisite as HQ would: refused', () => {
      const sim = simulate({ features: ['CustomerOrderPerformance', 'AsyncCustomerEditing'] });
      assert.equal(featureEnabled(sim, 'AsyncCustomerEditing'), false);
      assert.equal(count(sim, 'HQ', "SELECT COUNT(*) AS N FROM EVENTLOG WHERE KIND = 'refused' AND CODE = 'prerequisitesOff'"), 1);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILCHANGELOG'), 0, 'the starting state is not a change to download');
    });
  });

  describe('the channel works from its downloaded metadata', () => {
    it('creates a customer by a real-time call when the channel is not in async mode', () => {
      const sim = simulate({ channels: [store('Store42', 'Default', false)] });
      const outcome = posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' });
      assert.deepEqual(outcome.ok && outcome.key, '100001');
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM CUSTTABLE'), 1);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILTRANSACTIONSERVICECALL'), 1);
      assert.equal(count(sim, 'Default', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2'), 0);
    });

    it('creates a customer asynchronously with a temporary id and Pending sync in async mode', () => {
      const sim = simulate();
      const outcome = posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' });
      assert.ok(outcome.ok && /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/.test(outcome.key!));
      const row = rawOne(sim, 'Default', 'SELECT PENDINGSYNC, ACCOUNTNUM FROM CUSTOMER', [])!;
      assert.equal(row.PENDINGSYNC, 1);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM CUSTTABLE'), 0);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILTRANSACTIONSERVICECALL'), 0);
    });

    it('goes the old way (a real-time call) after a profile change until jobs 1110, 1010 and 1070 have all run', () => {
      const sim = simulate({ channels: [store('Store42', 'Default', false)], cacheMs: 0 });
      sim.updateChannel('Store42', { asyncCustomerCreation: true });
      posCreate(sim, { channel: 'Store42', firstName: 'Before', lastName: 'Jobs' });
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILTRANSACTIONSERVICECALL'), 1);
      sim.runJob('1070', 'Default');
      posCreate(sim, { channel: 'Store42', firstName: 'Only', lastName: 'Seventy' });
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILTRANSACTIONSERVICECALL'), 2, '1070 alone is not enough');
      sim.runJob('1110', 'Default');
      sim.runJob('1010', 'Default');
      posCreate(sim, { channel: 'Store42', firstName: 'After', lastName: 'Jobs' });
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILTRANSACTIONSERVICECALL'), 2);
      assert.equal(count(sim, 'Default', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2'), 1);
    });

    it('keeps serving the old value from the CSU cache after the jobs ran, until the cache expires', () => {
      const sim = simulate({ features: ['CustomerOrderPerformance', 'EnhancedAsyncCustomerCreation', 'AsyncCustomerAddressCreation'] });
      sim.enableFeature('AsyncCustomerEditing');
      for (const job of ['1110', '1010', '1070'] as const) {
        sim.runJob(job, 'Default');
      }
      assert.equal(channelSeesFeature(sim, 'Default', 'AsyncCustomerEditing'), false);
      sim.advance(DEFAULT_CSU_CACHE_MS - 1000);
      assert.equal(channelSeesFeature(sim, 'Default', 'AsyncCustomerEditing'), false);
      sim.advance(1000);
      assert.equal(channelSeesFeature(sim, 'Default', 'AsyncCustomerEditing'), true);
    });

    it('takes a feature change only when 1110, 1010 and 1070 have all run since it, for the channel database they ran for', () => {
      const sim = simulate({
        features: ['CustomerOrderPerformance', 'EnhancedAsyncCustomerCreation', 'AsyncCustomerAddressCreation'],
        channels: [store('Store42', 'Default', true), store('Web', 'Online', true)],
        cacheMs: 0,
      });
      sim.enableFeature('AsyncCustomerEditing');
      sim.runJob('1110', 'Online');
      assert.equal(channelSeesFeature(sim, 'Online', 'AsyncCustomerEditing'), false, '1110 alone is not enough');
      sim.runJob('1010', 'Online');
      sim.runJob('1070', 'Online');
      assert.equal(channelSeesFeature(sim, 'Online', 'AsyncCustomerEditing'), true);
      assert.equal(channelSeesFeature(sim, 'Default', 'AsyncCustomerEditing'), false);
      sim.runJob('1070', undefined);
      sim.runJob('1110', undefined);
      sim.enableFeature('AsyncCustomerEditing');
      sim.disableFeature('AsyncCustomerEditing');
      sim.enableFeature('AsyncCustomerEditing');
      sim.runJob('1010', undefined);
      assert.equal(channelSeesFeature(sim, 'Default', 'AsyncCustomerEditing'), false, 'a change after 1110 ran needs 1110 again');
      sim.runJob('1110', undefined);
      sim.runJob('1070', undefined);
      assert.equal(channelSeesFeature(sim, 'Default', 'AsyncCustomerEditing'), true);
    });

    it('creates the customer asynchronously when the POS is offline or the real-time call fails', () => {
      const sim = simulate({ channels: [store('Store42', 'Default', false)] });
      posCreate(sim, { channel: 'Store42', firstName: 'Off', lastName: 'Line', offline: true });
      posCreate(sim, { channel: 'Store42', firstName: 'Call', lastName: 'Failed', realtimeCallFails: true });
      assert.equal(count(sim, 'Default', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2'), 2);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM CUSTTABLE'), 0);
    });

    it('refuses "offline" at an online store: only a POS works offline', () => {
      const sim = simulate({ channels: [{ id: 'Web', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: false, filterSharedCustomerDataTables: false }] });
      const created = posCreate(sim, { channel: 'Web', firstName: 'Off', lastName: 'Line', offline: true });
      assert.deepEqual(created, { ok: false, code: 'offlineOnlineStore', params: { channel: 'Web' } });
      assert.equal(sim.generateCustomers({ count: 3, channels: ['Web'], countryRegion: 'SWE', offline: true }).ok, false);
      assert.equal(count(sim, 'Online', 'SELECT COUNT(*) AS N FROM CUSTOMER'), 0);
    });

    it('refuses offline creation when Filter shared customer data tables is Yes', () => {
      const sim = simulate({ channels: [store('Store42', 'Default', false, { filterSharedCustomerDataTables: true })] });
      const outcome = posCreate(sim, { channel: 'Store42', firstName: 'Off', lastName: 'Line', offline: true });
      assert.equal(outcome.ok, false);
      assert.equal(!outcome.ok && outcome.code, 'offlineCreationFiltered');
      assert.equal(count(sim, 'Default', 'SELECT COUNT(*) AS N FROM CUSTOMER'), 0);
    });

    it('drops title and affiliations without enhanced creation, keeps them with it', () => {
      const without = simulate({ features: ['CustomerOrderPerformance'] });
      posCreate(without, { channel: 'Store42', firstName: 'A', lastName: 'B', title: 'Dr', affiliations: ['Staff'], secondaryEmail: 'b@example.com' });
      assert.equal(count(without, 'Default', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERAFFILIATION'), 0);
      assert.equal(rawOne(without, 'Default', 'SELECT TITLE FROM RETAILASYNCCUSTOMERV2', [])!.TITLE, null);
      const withEnhanced = simulate();
      posCreate(withEnhanced, { channel: 'Store42', firstName: 'A', lastName: 'B', title: 'Dr', affiliations: ['Staff'], secondaryEmail: 'b@example.com' });
      assert.equal(count(withEnhanced, 'Default', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERAFFILIATION'), 1);
      assert.equal(count(withEnhanced, 'Default', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERCONTACT'), 1);
    });
  });

  describe('from POS to the customer master and back', () => {
    it('moves a customer channel → P-job → staging → batch job → customer master → 1010 → channel', () => {
      const sim = simulate();
      const created = posCreate(sim, {
        channel: 'Store42',
        firstName: 'Ana',
        lastName: 'Berg',
        email: 'ana@example.com',
        address: { street: 'Storgatan 1', city: 'Umeå', zip: '90326', countryRegion: 'SWE' },
      });
      const tempId = created.ok ? created.key! : '';

      sim.runJob('P-0001', 'Default');
      assert.equal(count(sim, 'Default', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0'), 0);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2 WHERE ONLINEOPERATIONCOMPLETED = 0'), 1);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILASYNCADDRESSV2 WHERE ONLINEOPERATIONCOMPLETED = 0'), 1);
      assert.equal(rawOne(sim, 'HQ', 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS', [])!.STATUS, 'Pending');

      sim.runSynchronizeBatch();
      const customer = rawOne(sim, 'HQ', 'SELECT * FROM CUSTTABLE', [])!;
      assert.equal(customer.ACCOUNTNUM, '100001');
      assert.equal(customer.CUSTACCOUNTASYNC, tempId);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2 WHERE ONLINEOPERATIONCOMPLETED = 1 AND CUSTACCOUNT = ?', ['100001']), 1);
      assert.equal(count(sim, 'HQ', "SELECT COUNT(*) AS N FROM LOGISTICSPOSTALADDRESS WHERE ACCOUNTNUM = '100001' AND COUNTRYREGIONID = 'SWE'"), 1);
      assert.equal(rawOne(sim, 'HQ', 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS', [])!.STATUS, 'Succeeded');
      assert.equal(rawOne(sim, 'Default', 'SELECT PENDINGSYNC FROM CUSTOMER', [])!.PENDINGSYNC, 1, 'the channel does not know yet');

      sim.runJob('1010', 'Default');
      const onChannel = rawOne(sim, 'Default', 'SELECT * FROM CUSTOMER', [])!;
      assert.equal(onChannel.ACCOUNTNUM, '100001');
      assert.equal(onChannel.CUSTACCOUNTASYNC, tempId);
      assert.equal(onChannel.PENDINGSYNC, 0);
    });

    it('records a failure with a readable reason and the field to correct, then edits and resynchronizes it', () => {
      const sim = simulate();
      posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', address: { countryRegion: 'SVE' } });
      sim.runJob('P-0001', 'Default');
      sim.runSynchronizeBatch();
      const failed = rawOne(sim, 'HQ', 'SELECT * FROM RETAILASYNCOPERATIONSTATUS', [])!;
      assert.equal(failed.STATUS, 'Failed');
      assert.equal(failed.FAILEDFIELDS, 'countryRegion');
      assert.match(String(failed.FAILUREREASON), /'SVE' does not exist/);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM CUSTTABLE'), 0);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2 WHERE ONLINEOPERATIONCOMPLETED = 1'), 0);

      const id = String(failed.OPERATIONID);
      assert.equal(sim.resync(id).ok, true, 'a resync without a correction fails again but is accepted');
      assert.equal(rawOne(sim, 'HQ', 'SELECT STATUS, ATTEMPTS FROM RETAILASYNCOPERATIONSTATUS', [])!.ATTEMPTS, 2);
      assert.equal(sim.editFailedOperation(id, { countryRegion: 'SWE' }).ok, true);
      sim.resync(id);
      assert.equal(rawOne(sim, 'HQ', 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS', [])!.STATUS, 'Succeeded');
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM CUSTTABLE'), 1);
    });

    it('refuses to edit or resynchronize an operation that has not failed, or does not exist', () => {
      const sim = simulate();
      posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg' });
      sim.runJob('P-0001', 'Default');
      const pending = sim.editFailedOperation('ASYNC-000001', { firstName: 'X' });
      assert.equal(!pending.ok && pending.code, 'operationNotFailed');
      const missing = sim.resync('ASYNC-999999');
      assert.equal(!missing.ok && missing.code, 'unknownOperation');
    });

    it('validates what HQ validates: names, email, customer group, country/region', () => {
      const sim = simulate();
      posCreate(sim, { channel: 'Store42', email: 'not-an-email', customerGroup: '99' });
      sim.runJob('P-0001', 'Default');
      sim.runSynchronizeBatch();
      const failed = rawOne(sim, 'HQ', 'SELECT FAILEDFIELDS FROM RETAILASYNCOPERATIONSTATUS', [])!;
      assert.deepEqual(String(failed.FAILEDFIELDS).split(','), ['lastName', 'email', 'customerGroup']);
    });

    it('rejects a real-time call HQ would not accept, with its reasons, and saves nothing', () => {
      // Without the address feature: an address is then a real-time call too, whatever the profile.
      const sim = simulate({ channels: [store('Store42', 'Default', false)], features: ['CustomerOrderPerformance', 'EnhancedAsyncCustomerCreation'] });
      const created = posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@', address: { countryRegion: 'XXX' } });
      assert.deepEqual(created, {
        ok: false,
        code: 'realtimeCallRejected',
        params: {
          channel: 'Store42',
          operation: 'CreateCustomer',
          customer: 'Ana Berg',
          reason: "The email address 'ana@' is not valid. The country/region 'XXX' does not exist.",
        },
      });
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM CUSTTABLE'), 0);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM LOGISTICSPOSTALADDRESS'), 0);
      assert.equal(count(sim, 'Default', 'SELECT COUNT(*) AS N FROM CUSTOMER'), 0);
      assert.equal(posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' }).ok, true);
      const edit = posEdit(sim, { channel: 'Store42', customer: 'Ana Berg', changes: { customerGroup: '99' } });
      assert.equal(!edit.ok && edit.params.reason, "The customer group '99' does not exist.");
      assert.equal(rawOne(sim, 'HQ', 'SELECT CUSTGROUP FROM CUSTTABLE', [])!.CUSTGROUP, '30', 'the customer keeps its group');
      const address = posAddress(sim, { channel: 'Store42', customer: 'Ana Berg', address: { city: 'Umeå' } });
      assert.equal(!address.ok && address.params.reason, "The country/region '' does not exist.");
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM LOGISTICSPOSTALADDRESS'), 0);
    });

    it('creates an address asynchronously with the address feature as the channel downloaded it, whatever the profile says', () => {
      const sim = simulate({ channels: [store('Store42', 'Default', false)] });
      assert.equal(posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' }).ok, true);
      const address = posAddress(sim, { channel: 'Store42', customer: 'Ana Berg', address: { city: 'Umeå', countryRegion: 'SWE' } });
      assert.equal(address.ok, true);
      assert.equal(count(sim, 'Default', "SELECT COUNT(*) AS N FROM RETAILASYNCADDRESSV2 WHERE OPERATIONTYPE = 'AddressCreate' AND CUSTACCOUNT = '100001'"), 1);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(*) AS N FROM LOGISTICSPOSTALADDRESS'), 0, 'no real-time call');
    });

    it('fails an edit of a customer whose creation has not reached the customer master', () => {
      const sim = simulate();
      posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com', address: { countryRegion: 'XXX' } });
      posEdit(sim, { channel: 'Store42', customer: 'ana@example.com', changes: { phone: '123' } });
      sim.runJob('P-0001', 'Default');
      sim.runSynchronizeBatch();
      const rows = rawAll(sim, 'HQ', 'SELECT OPERATIONTYPE, STATUS, FAILUREREASON FROM RETAILASYNCOPERATIONSTATUS ORDER BY OPERATIONID', []);
      assert.deepEqual(
        rows.map((r) => [r.OPERATIONTYPE, r.STATUS]),
        [
          ['CustomerCreate', 'Failed'],
          ['CustomerUpdate', 'Failed'],
        ],
      );
      assert.match(String(rows[1].FAILUREREASON), /not been synchronized/);
    });

    it('refuses to edit a Pending sync customer without asynchronous editing', () => {
      const sim = simulate({ features: ['CustomerOrderPerformance', 'EnhancedAsyncCustomerCreation', 'AsyncCustomerAddressCreation'] });
      posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' });
      const edit = posEdit(sim, { channel: 'Store42', customer: 'Ana Berg', changes: { phone: '123' } });
      assert.equal(!edit.ok && edit.code, 'pendingCustomerNeedsAsyncEditing');
      const address = posAddress(sim, { channel: 'Store42', customer: 'ana@example.com', address: { countryRegion: 'SWE' } });
      assert.equal(address.ok, true, 'address creation is async with its own feature');
    });

    it('edits a synchronized customer by a real-time call when the channel does not see async editing', () => {
      const sim = simulate({ channels: [store('Store42', 'Default', false)], features: ['CustomerOrderPerformance'] });
      posCreate(sim, { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' });
      posEdit(sim, { channel: 'Store42', customer: 'ana@example.com', changes: { email: 'ana.berg@example.com' } });
      assert.equal(rawOne(sim, 'HQ', 'SELECT EMAIL FROM CUSTTABLE', [])!.EMAIL, 'ana.berg@example.com');
      assert.equal(count(sim, 'HQ', "SELECT COUNT(*) AS N FROM RETAILTRANSACTIONSERVICECALL WHERE OPERATION = 'UpdateCustomer'"), 1);
    });

    it('refuses an unknown customer reference, naming the channel database', () => {
      const sim = simulate();
      const outcome = posEdit(sim, { channel: 'Store42', customer: 'nobody@example.com', changes: { phone: '1' } });
      assert.deepEqual(!outcome.ok && outcome.params, { customer: 'nobody@example.com', channel: 'Store42', channelDatabase: 'Default' });
    });

    it('generates many customers round-robin across channels in one action', () => {
      const sim = simulate({ channels: [store('A', 'Default', true), store('B', 'Online', false)] });
      sim.generateCustomers({ count: 10, channels: ['A', 'B'], countryRegion: 'USA', offline: false });
      assert.equal(count(sim, 'Default', 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2'), 5);
      assert.equal(count(sim, 'HQ', "SELECT COUNT(*) AS N FROM CUSTTABLE WHERE CHANNEL = 'B'"), 5);
      assert.equal(count(sim, 'Online', 'SELECT COUNT(*) AS N FROM CUSTOMER'), 5);
    });

    it('generates more customers than one chunk with unique ids and account numbers', () => {
      const sim = simulate({ channels: [store('A', 'Default', true), store('B', 'Online', false)] });
      sim.generateCustomers({ count: 120_001, channels: ['A', 'B'], countryRegion: 'USA', offline: false });
      assert.equal(count(sim, 'Default', 'SELECT COUNT(DISTINCT CUSTACCOUNTASYNC) AS N FROM RETAILASYNCCUSTOMERV2'), 60_001);
      assert.equal(count(sim, 'Default', 'SELECT COUNT(DISTINCT OPERATIONID) AS N FROM RETAILASYNCADDRESSV2'), 60_001);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(DISTINCT ACCOUNTNUM) AS N FROM CUSTTABLE'), 60_000);
      assert.equal(count(sim, 'HQ', 'SELECT COUNT(DISTINCT SEQ) AS N FROM RETAILTRANSACTIONSERVICECALL'), 60_000);
      assert.equal(rawOne(sim, 'HQ', 'SELECT MAX(CAST(ACCOUNTNUM AS INTEGER)) AS N FROM CUSTTABLE', [])!.N, 160_000);
      posCreate(sim, { channel: 'B', firstName: 'After', lastName: 'Generate' });
      assert.equal(rawOne(sim, 'HQ', "SELECT ACCOUNTNUM FROM CUSTTABLE WHERE FIRSTNAME = 'After'", [])!.ACCOUNTNUM, '160001');
    });
  });
});
