// Reading the synthetic exports under test/fixtures/evidence.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readEvidenceFile, readEvidenceFiles, type EvidenceFileReading, type EvidenceReading, type EvidenceReadOptions } from '../../../src/evidence';

// Compiled tests live in out/test/unit/evidence.
export const evidenceFixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'evidence');

export function fixtureBytes(relative: string): Uint8Array {
  return readFileSync(join(evidenceFixtures, relative));
}

export function readFixture(relative: string, options?: EvidenceReadOptions): EvidenceFileReading {
  return readEvidenceFile(relative.split('/').pop()!, fixtureBytes(relative), options);
}

export function readFixtureSet(folder: string, options?: EvidenceReadOptions): EvidenceReading {
  const dir = join(evidenceFixtures, folder);
  const files = readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  return readEvidenceFiles(files, options);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Reads CSV text given inline, as a file named `name`. */
export function readText(text: string, options?: EvidenceReadOptions, name = 'export.csv'): EvidenceFileReading {
  return readEvidenceFile(name, utf8(text), options);
}
