import { strict as assert } from 'node:assert';
import { markdownReport } from '../../src/diagnose/report';
import { diagnose, sample } from './helpers';

describe('the Markdown report', () => {
  it('lists the FAQ walk, each finding with remedy, fix and evidence rows', async () => {
    const { findings, walk } = await diagnose(sample('failed-operation'));
    const report = markdownReport({ title: 'Failed operation', file: 'failed-operation.asyncscenario.json', generatedAt: '2026-11-24', findings, walk });
    assert.match(report, /^# Failed operation/);
    assert.match(report, /- ❌ failed — No asynchronous operation failed \(ACD006\) \[#1\]\(#finding-1\)/);
    assert.match(report, /### 1\. ACD006 \(error\) — line 19, column 55/);
    assert.match(report, /\*\*In HQ:\*\* \*Retail and Commerce > Customers > Customer synchronization status\*/);
    assert.match(report, /\*HQ · RETAILASYNCOPERATIONSTATUS\*/);
    assert.match(report, /\| ASYNC-000001 \| CustomerCreate \|/);
  });
});
