import { strict as assert } from 'node:assert';
import { coveredText, diagnose, only, scenario } from '../helpers';

const TWO_STORES = [
  { id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true },
  { id: 'Store43', channelDatabase: 'Default', asyncCustomerCreation: true },
];
const OFFLINE = (channel: string) => ({ createCustomer: { channel, firstName: 'Ana', lastName: 'Berg', offline: true } });

describe('channel database settings', () => {
  it('applies channelDatabases[].filterSharedCustomerDataTables to every channel of the database', async () => {
    const text = scenario({ channels: TWO_STORES, extra: { channelDatabases: [{ id: 'Default', filterSharedCustomerDataTables: true }] }, timeline: [OFFLINE('Store42'), OFFLINE('Store43')] });
    const refused = only((await diagnose(text)).findings, 'ACD106');
    assert.equal(refused.length, 2);
    assert.match(refused[1].message, /POS at Store43 cannot create customers offline: Filter shared customer data tables is Yes for channel database Default/);
  });

  it('keeps the per-channel key working: it applies to the channel database', async () => {
    const channels = [{ ...TWO_STORES[0], filterSharedCustomerDataTables: true }, TWO_STORES[1]];
    const refused = only((await diagnose(scenario({ channels, timeline: [OFFLINE('Store43')] }))).findings, 'ACD106');
    assert.equal(refused.length, 1, 'Store43 shares the database of Store42');
  });

  it('reports channels of one database that disagree, at the channel, with the value that applies', async () => {
    const channels = [{ ...TWO_STORES[0], filterSharedCustomerDataTables: true }, { ...TWO_STORES[1], filterSharedCustomerDataTables: false }];
    const text = scenario({ channels });
    const [finding] = only((await diagnose(text)).findings, 'ACD106');
    assert.equal(coveredText(text, finding), '"filterSharedCustomerDataTables": false');
    assert.match(finding.message, /Store43 says No, but Store42 says Yes, which applies to every channel of Default/);
    const withSetting = scenario({ channels: [{ ...TWO_STORES[0], filterSharedCustomerDataTables: true }], extra: { channelDatabases: [{ id: 'Default', filterSharedCustomerDataTables: false }] } });
    assert.match(only((await diagnose(withSetting)).findings, 'ACD106')[0].message, /"channelDatabases" says No/);
  });

  it('applies an updateChannel of the setting to every channel of the database once the jobs ran', async () => {
    const timeline = [
      { updateChannel: { channel: 'Store42', filterSharedCustomerDataTables: true } },
      { runJob: '1110', channelDatabase: 'Default' },
      { runJob: '1010', channelDatabase: 'Default' },
      { runJob: '1070', channelDatabase: 'Default' },
      OFFLINE('Store43'),
    ];
    const [refused] = only((await diagnose(scenario({ channels: TWO_STORES, timeline }))).findings, 'ACD106');
    assert.match(refused.message, /POS at Store43 cannot create customers offline/);
  });

  it('checks channelDatabases like the rest of the file', async () => {
    const text = scenario({ extra: { channelDatabases: [{ id: 'Defualt' }, { filterSharedCustomerDataTables: 'yes', id: 'Default' }, { id: 'Default' }, 'Default'] } });
    const { findings } = await diagnose(text);
    assert.deepEqual(only(findings, 'ACD102').map((f) => coveredText(text, f)), ['Defualt']);
    assert.deepEqual(only(findings, 'ACD103').map((f) => coveredText(text, f)), ['"yes"', '"Default"']);
  });
});
