// Commands that bring a real environment in and send a diagnosis out: Import Evidence from
// Commerce HQ…, Open SQL Pack, Export Support Bundle.
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import {
  collectEvidence,
  type CollectOptions,
  type DateOrder,
  EvidenceFileError,
  EvidenceOptionError,
  formatWarning,
  generateScenario,
  parseHeaderMappingText,
  parseTimeZone,
  readingChoices,
} from '../../evidence';
import { localeOf } from '../../domain/l10n';
import { writeFileAtomically } from '../../io/atomicWrite';
import { supportBundle } from '../../report/bundle';
import { loadSqlJs } from '../../sim/sqljs';
import type { CommandFactory } from './types';

/** What tests and links may pass instead of answering the pickers. */
export interface ImportEvidenceArgs {
  /** Files or folders (file system paths). */
  readonly files?: readonly string[];
  /** Where to write the scenario (a file system path). */
  readonly output?: string;
  readonly channelDatabases?: Readonly<Record<string, string>>;
  readonly dateOrder?: DateOrder;
  readonly timeZone?: string;
  /** Replace an existing output file without asking. */
  readonly overwrite?: boolean;
}

export interface SupportBundleArgs {
  readonly folder?: string;
  readonly redact?: boolean;
  readonly overwrite?: boolean;
}

const DEFAULT_MAX_FILE_MB = 50;

export const importEvidence: CommandFactory = (ctx) => async (args: ImportEvidenceArgs = {}) => {
  if (!ctx.requireTrust()) return undefined;
  const title = l10n.t('Import Evidence from Commerce HQ');
  try {
    const paths = args.files ?? (await pickExports(title));
    if (!paths || paths.length === 0) return undefined;
    const config = vscode.workspace.getConfiguration('asyncCustomerDoctor.import');
    const maxFileBytes = Math.round((config.get<number>('maxFileMB') ?? DEFAULT_MAX_FILE_MB) * 1024 * 1024);
    const files = await readExports(paths, maxFileBytes);
    const options: CollectOptions = { maxFileBytes, mapping: await mappingFromSetting(config.get<string>('mappingFile') ?? ''), dateOrder: args.dateOrder, timeZone: args.timeZone };
    const needed = readingChoices(files, options);
    const dateOrder = args.dateOrder ?? (needed.dateOrder ? await askDateOrder(title) : undefined);
    if (needed.dateOrder && !dateOrder) return undefined;
    const timeZone = args.timeZone ?? (needed.timeZone ? await askTimeZone(title) : undefined);
    if (needed.timeZone && !timeZone) return undefined;
    let channelDatabases: Record<string, string> = { ...(args.channelDatabases ?? {}) };
    let collection = collectEvidence(files, { ...options, dateOrder, timeZone, channelDatabases });
    if (collection.kind === 'needsMapping') {
      const chosen = await askChannelDatabases(title, collection.resolution.unresolved, collection.resolution.candidates);
      if (!chosen) return undefined;
      channelDatabases = { ...channelDatabases, ...chosen };
      collection = collectEvidence(files, { ...options, dateOrder, timeZone, channelDatabases });
      if (collection.kind === 'needsMapping') return undefined;
    }
    for (const warning of collection.warnings) {
      ctx.log.warn(formatWarning(warning));
    }
    if (collection.warnings.length > 0) {
      void vscode.window.showWarningMessage(
        l10n.t('{0} rows could not be read and were skipped; the Async Customer Doctor output lists them with file and row.', collection.warnings.length),
      );
    }
    const text = generateScenario(collection.evidence, { files: files.map((f) => f.name) });
    const target = args.output ? vscode.Uri.file(args.output) : await askOutput(title);
    if (!target) return undefined;
    if (!(await mayWrite([target], args.overwrite === true))) return undefined;
    await writeFileAtomically(target.fsPath, text);
    const document = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(document);
    await ctx.scenarios.analyzeNow(document);
    return target;
  } catch (error) {
    if (error instanceof EvidenceFileError || error instanceof EvidenceOptionError) {
      void vscode.window.showErrorMessage(error.message);
      return undefined;
    }
    throw error;
  }
};

export const openSqlPack: CommandFactory = (ctx) => async (name?: string) => {
  const pack = vscode.Uri.joinPath(ctx.extension.extensionUri, 'queries');
  const queries = await sqlPackQueries(pack);
  const chosen =
    name === undefined
      ? await vscode.window.showQuickPick(
          queries.map((q) => ({ label: q.path, description: q.where, detail: q.answers, query: q })),
          { title: l10n.t('Open SQL Pack'), placeHolder: l10n.t('Read-only T-SQL for the real channel database (ax.) and HQ (dbo.)'), matchOnDetail: true },
        )
      : queries.map((q) => ({ query: q })).find((q) => q.query.path === name || basename(q.query.path) === name);
  if (!chosen) return undefined;
  const document = await vscode.workspace.openTextDocument(chosen.query.uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return chosen.query.uri;
};

export const exportSupportBundle: CommandFactory = (ctx) => async (args: SupportBundleArgs = {}) => {
  if (!ctx.requireTrust()) return undefined;
  const active = await ctx.analysed();
  if (!active) return undefined;
  const title = l10n.t('Export Support Bundle');
  const redact = args.redact ?? (await askRedact(title));
  if (redact === undefined) return undefined;
  const folder = args.folder ? vscode.Uri.file(args.folder) : await askFolder(title, active.document.uri);
  if (!folder) return undefined;
  const sql = await loadSqlJs(ctx.extension.asAbsolutePath('dist/sql-wasm.wasm'));
  // The same language as the findings in Problems.
  const bundle = supportBundle(sql, basename(active.document.uri.path), active.document.getText(), { redact, locale: localeOf(vscode.env.language) });
  const targets = bundle.files.map((f) => vscode.Uri.joinPath(folder, f.name));
  if (!(await mayWrite(targets, args.overwrite === true))) return undefined;
  for (const [i, file] of bundle.files.entries()) {
    await writeFileAtomically(targets[i].fsPath, file.content);
  }
  await vscode.commands.executeCommand('markdown.showPreview', targets[0]);
  return targets;
};

// ---- asking -------------------------------------------------------------------------------

async function pickExports(title: string): Promise<string[] | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    openLabel: l10n.t('Import'),
    filters: { [l10n.t('HQ exports')]: ['csv', 'txt', 'tsv', 'xlsx'], [l10n.t('All files')]: ['*'] },
  });
  return picked?.map((u) => u.fsPath);
}

async function askDateOrder(title: string): Promise<DateOrder | undefined> {
  const items: (vscode.QuickPickItem & { order: DateOrder })[] = [
    { label: 'M/d/yyyy', description: l10n.t('month first (United States)'), order: 'mdy' },
    { label: 'd/M/yyyy', description: l10n.t('day first (Europe)'), order: 'dmy' },
    { label: 'yy/M/d', description: l10n.t('year first'), order: 'ymd' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: l10n.t('The dates in the files read either way: which order did HQ write them in?') });
  return picked?.order;
}

async function askTimeZone(title: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title,
    value: '+00:00',
    prompt: l10n.t('The files have dates without a time zone: the UTC offset of the HQ user who exported them (for example +01:00).'),
    validateInput: (value) => {
      try {
        parseTimeZone(value);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
}

/** A QuickPick per channel whose channel database the files cannot tell. */
async function askChannelDatabases(title: string, channels: readonly string[], candidates: readonly string[]): Promise<Record<string, string> | undefined> {
  const chosen: Record<string, string> = {};
  for (const channel of channels) {
    const database =
      candidates.length > 0
        ? (await vscode.window.showQuickPick([...candidates], { title, placeHolder: l10n.t('Which channel database is channel {0} on?', channel) }))
        : await vscode.window.showInputBox({ title, prompt: l10n.t('The files name no channel database. Which channel database is channel {0} on?', channel), value: 'Default' });
    if (!database) return undefined;
    chosen[channel] = database;
  }
  return chosen;
}

async function askOutput(title: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title,
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'imported.asyncscenario.json') : undefined,
    filters: { [l10n.t('Async customer scenarios')]: ['asyncscenario.json'] },
  });
}

async function askRedact(title: string): Promise<boolean | undefined> {
  const items: (vscode.QuickPickItem & { redact: boolean })[] = [
    { label: l10n.t('Redacted (recommended)'), detail: l10n.t('Names, emails, phone numbers and street addresses become stable pseudonyms.'), redact: true },
    { label: l10n.t('Not redacted'), detail: l10n.t('The report and the scenario copy keep the customer data as it is.'), redact: false },
  ];
  return (await vscode.window.showQuickPick(items, { title }))?.redact;
}

async function askFolder(title: string, scenario: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(scenario, '..'),
    openLabel: l10n.t('Export Here'),
  });
  return picked?.[0];
}

/** True when none of the targets exists, or the user (or `overwrite`) agrees to replace them. */
async function mayWrite(targets: readonly vscode.Uri[], overwrite: boolean): Promise<boolean> {
  const existing: string[] = [];
  for (const target of targets) {
    if (await fs.stat(target.fsPath).then(() => true, () => false)) {
      existing.push(basename(target.fsPath));
    }
  }
  if (existing.length === 0 || overwrite) return true;
  const replace = l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(l10n.t('{0} already exists. Replace it?', existing.join(', ')), { modal: true }, replace);
  return answer === replace;
}

// ---- reading ------------------------------------------------------------------------------

/** The files named and the files directly in the folders named, refused unread when over the size limit. */
async function readExports(paths: readonly string[], maxFileBytes: number): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files: string[] = [];
  for (const path of paths) {
    const stat = await fs.stat(path).catch(() => undefined);
    if (!stat) {
      throw new EvidenceFileError(path, 'unreadable', 'the file cannot be read');
    }
    if (stat.isDirectory()) {
      const names = (await fs.readdir(path)).filter((n) => !n.startsWith('.')).sort();
      for (const name of names) {
        const inner = vscode.Uri.joinPath(vscode.Uri.file(path), name).fsPath;
        if ((await fs.stat(inner)).isFile()) files.push(inner);
      }
    } else {
      files.push(path);
    }
  }
  const result: { name: string; bytes: Uint8Array }[] = [];
  for (const file of files) {
    const size = (await fs.stat(file)).size;
    if (size > maxFileBytes) {
      throw new EvidenceFileError(basename(file), 'tooLarge', `the file has ${size} bytes, more than the limit of ${maxFileBytes} (setting asyncCustomerDoctor.import.maxFileMB)`);
    }
    result.push({ name: basename(file), bytes: await fs.readFile(file) });
  }
  const names = result.map((f) => f.name);
  return new Set(names).size === names.length ? result : result.map((f, i) => ({ ...f, name: files[i] }));
}

async function mappingFromSetting(setting: string): Promise<CollectOptions['mapping']> {
  if (setting.trim() === '') return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = setting.startsWith('/') || /^[A-Za-z]:[\\/]/.test(setting) || !folder ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder, setting);
  let text: string;
  try {
    text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    throw new EvidenceOptionError('asyncCustomerDoctor.import.mappingFile', `cannot read the mapping file ${uri.fsPath}`);
  }
  return parseHeaderMappingText(uri.fsPath, text);
}

interface PackQuery {
  readonly path: string;
  readonly uri: vscode.Uri;
  readonly where: string;
  readonly answers: string;
}

/** The SQL pack's queries with their header comment: where to run them and what they answer. */
async function sqlPackQueries(pack: vscode.Uri): Promise<PackQuery[]> {
  const queries: PackQuery[] = [];
  for (const [side] of (await vscode.workspace.fs.readDirectory(pack)).filter(([, type]) => type === vscode.FileType.Directory).sort()) {
    for (const [file] of (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(pack, side))).filter(([f]) => f.endsWith('.sql')).sort()) {
      const uri = vscode.Uri.joinPath(pack, side, file);
      const header = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8').split('\n').filter((l) => l.startsWith('--'));
      const section = (label: string): string => {
        const start = header.findIndex((l) => l.startsWith(`-- ${label}:`));
        if (start < 0) return '';
        const lines = [header[start].slice(`-- ${label}:`.length)];
        for (let i = start + 1; i < header.length && header[i].startsWith('--   '); i++) lines.push(header[i].slice(2));
        return lines.join(' ').replace(/\s+/g, ' ').trim();
      };
      queries.push({ path: `${side}/${file}`, uri, where: section('Run in'), answers: `${header[0]?.replace(/^--\s*/, '') ?? ''} ${section('Answers')}`.trim() });
    }
  }
  return queries;
}
