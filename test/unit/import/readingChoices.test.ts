// An interactive import asks for the date order or the time zone only when they change what the files say.
import { strict as assert } from 'node:assert';
import { readingChoices } from '../../../src/evidence';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const status = (date: string) => file('status.csv', `Channel name,Customer account,Async customer account,Operations timestamp,Customer sync status\nStore42,,SE42-1,${date},Pending\n`);

describe('readingChoices', () => {
  it('asks for the date order when the dates read both ways, not when a day above 12 settles it', () => {
    assert.equal(readingChoices([status('11/10/2026 09:00')]).dateOrder, true);
    assert.equal(readingChoices([status('14/11/2026 09:00')]).dateOrder, false);
    assert.equal(readingChoices([status('2026-11-10 09:00')]).dateOrder, false);
    assert.equal(readingChoices([status('11/10/2026 09:00')], { dateOrder: 'dmy' }).dateOrder, false);
  });

  it('asks for the time zone when a date has no offset, not when every date has one', () => {
    assert.equal(readingChoices([status('2026-11-10 09:00')]).timeZone, true);
    assert.equal(readingChoices([status('2026-11-10T09:00:00+01:00')]).timeZone, false);
    assert.equal(readingChoices([status('2026-11-10 09:00')], { timeZone: '+02:00' }).timeZone, false);
  });

  it('leaves an unreadable file to the real read', () => {
    assert.deepEqual(readingChoices([file('x.csv', 'not,an,export\n1,2,3\n')]), { dateOrder: false, timeZone: false });
  });
});
