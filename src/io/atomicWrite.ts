// Writing files so that nothing is lost: a temporary file beside the target, then a rename, so
// a crash midway leaves the old file as it was. Optionally refuses to overwrite a file that
// changed since it was read.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class ChangedOnDisk extends Error {
  constructor(readonly path: string) {
    super(`${path} changed on disk since it was read; not overwritten.`);
  }
}

export async function writeFileAtomically(path: string, content: string, options: { expectedMtimeMs?: number } = {}): Promise<void> {
  if (options.expectedMtimeMs !== undefined) {
    const current = await fs.stat(path).catch(() => undefined);
    if (current && current.mtimeMs !== options.expectedMtimeMs) {
      throw new ChangedOnDisk(path);
    }
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
