import { strict as assert } from 'node:assert';
import { estimateMemory } from '../../src/diagnose/memoryBudget';
import { parseScenario } from '../../src/scenario/parse';
import { diagnose, scenario } from './helpers';

describe('the memory guard (ACD108 before replaying)', () => {
  it('refuses a scenario whose estimate is beyond the budget, naming the estimate and the setting, without replaying it', async () => {
    const text = scenario({ timeline: [{ generateCustomers: { count: 1_500_000 } }, { runJob: 'P-0001' }] });
    const started = performance.now();
    const analysis = await diagnose(text, { keepSimulation: true });
    // Replaying 1.5M customers takes the best part of a minute; the refusal is immediate.
    assert.ok(performance.now() - started < 2000);
    assert.equal(analysis.sim, undefined, 'nothing was simulated');
    assert.deepEqual(
      analysis.findings.map((f) => [f.ruleId, f.severity, f.message]),
      [
        [
          'ACD108',
          'error',
          'Replaying this scenario would need about 1783 MB (1500000 customers), more than the memory budget of 1536 MB (setting asyncCustomerDoctor.limits.memoryBudgetMB). Nothing was simulated.',
        ],
      ],
    );
    assert.equal(text.slice(analysis.findings[0].location.offset, analysis.findings[0].location.offset + 1), '[', 'it points at the timeline');
  });

  it('says it in Swedish, and follows the setting', async () => {
    const text = scenario({ timeline: [{ generateCustomers: { count: 200_000 } }] });
    const [finding] = (await diagnose(text, { locale: 'sv', limits: { memoryBudgetMB: 256 } })).findings;
    assert.match(finding.message, /^Att spela upp scenariot skulle kräva omkring 319 MB \(200000 kunder\), mer än minnesbudgeten på 256 MB \(inställningen asyncCustomerDoctor\.limits\.memoryBudgetMB\)/);
  });

  it('replays a scenario within the budget as before', async () => {
    const analysis = await diagnose(scenario({ timeline: [{ generateCustomers: { count: 2000 } }] }));
    assert.deepEqual(
      analysis.findings.filter((f) => f.ruleId === 'ACD108'),
      [],
    );
    assert.ok(analysis.findings.some((f) => f.ruleId === 'ACD004'), 'the customers were simulated and wait for the P-job');
  });

  it('estimates from generated and created customers, timeline entries and channel databases, on the measured calibration', () => {
    const hundredK = estimateMemory(parseScenario(scenario({ timeline: [{ generateCustomers: { count: 100_000 } }] })));
    assert.deepEqual([hundredK.customers, hundredK.entries, hundredK.channelDatabases], [100_000, 1, 1]);
    // Measured: 189 MB peak at 100k customers (memoryBudget.ts); the estimate stays on the safe side of it, within 10 %.
    assert.ok(hundredK.megabytes >= 189 && hundredK.megabytes <= 189 * 1.1, `${hundredK.megabytes} MB`);
    const created = estimateMemory(
      parseScenario(
        scenario({
          channels: [
            { id: 'S1', channelDatabase: 'A' },
            { id: 'S2', channelDatabase: 'B' },
          ],
          timeline: [{ createCustomer: { channel: 'S1', firstName: 'Ana', lastName: 'Berg' } }, { advance: 'PT1H' }],
        }),
      ),
    );
    assert.deepEqual([created.customers, created.entries, created.channelDatabases], [1, 2, 2]);
  });
});
