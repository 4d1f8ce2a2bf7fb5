// Keeps every open scenario document analyzed: debounced on typing, in the engine's worker,
// with the latest snapshot per document version. The views, diagnostics and commands read
// from here; nothing else talks to the engine about documents.
import * as vscode from 'vscode';
import * as l10n from './l10n';
import { isScenarioDocument } from './scenarioFiles';
import type { Locale } from '../domain/l10n';
import type { ScenarioLimits } from '../diagnose/engine';
import type { EngineClient } from '../engine/client';
import { type AnalysisSnapshot, EngineError } from '../engine/protocol';

interface Entry {
  snapshot?: AnalysisSnapshot;
  /** The latest snapshot of a readable version: the views show it while the text has a syntax error. */
  lastGood?: AnalysisSnapshot;
  /** The language the snapshot is worded in. */
  locale?: Locale;
  /** Why the latest analysis failed (the engine broke, not the scenario); cleared by a success. */
  failure?: string;
  timer?: ReturnType<typeof setTimeout>;
  waiting: { version: number; resolve: (snapshot: AnalysisSnapshot) => void; reject: (error: Error) => void }[];
}

/** A version whose text cannot be read as a scenario: the engine kept the last good replay. */
function isBroken(snapshot: AnalysisSnapshot): boolean {
  return snapshot.lastGoodReplay || !snapshot.scenario.usable;
}

/** Removes and returns the callers waiting for `version` or an earlier one. */
function takeWaiting(entry: Entry, version: number): Entry['waiting'] {
  const ready = entry.waiting.filter((w) => w.version <= version);
  entry.waiting = entry.waiting.filter((w) => w.version > version);
  return ready;
}

export class ScenarioManager implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly activeChanged = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  private active?: vscode.Uri;
  /** The last failure told to the user, so typing does not repeat the same notification. */
  private lastFailureShown?: string;

  /** A document's analysis changed (new snapshot). */
  readonly onDidChangeAnalysis = this.changed.event;
  /** The scenario the views show changed. */
  readonly onDidChangeActiveScenario = this.activeChanged.event;

  constructor(
    private readonly engine: EngineClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      this.activeChanged,
      vscode.workspace.onDidOpenTextDocument((document) => this.track(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) {
          this.track(event.document, this.delay());
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.forget(uri))),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        // Findings, the walk and the views are worded in the chosen language: analyze again in it.
        if (event.affectsConfiguration('asyncCustomerDoctor.limits') || event.affectsConfiguration('asyncCustomerDoctor.language')) {
          vscode.workspace.textDocuments.forEach((document) => this.track(document, 0));
        }
      }),
    );
    vscode.workspace.textDocuments.forEach((document) => this.track(document, 0));
    this.followEditor(vscode.window.activeTextEditor);
  }

  /** The scenario the views and commands work on: the active editor's, else the last one shown. */
  get activeScenario(): vscode.Uri | undefined {
    return this.active;
  }

  activeDocument(): vscode.TextDocument | undefined {
    const uri = this.active;
    return uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
  }

  snapshot(uri: vscode.Uri): AnalysisSnapshot | undefined {
    return this.entries.get(uri.toString())?.snapshot;
  }

  /**
   * What the views show: the latest analysis, or while the text cannot be read (a syntax error)
   * the last good one, with `broken` set so the views can say so.
   */
  viewSnapshot(uri: vscode.Uri): { readonly snapshot: AnalysisSnapshot; readonly broken: boolean } | undefined {
    const entry = this.entries.get(uri.toString());
    if (!entry?.snapshot) return undefined;
    const broken = isBroken(entry.snapshot);
    return { snapshot: broken ? (entry.lastGood ?? entry.snapshot) : entry.snapshot, broken };
  }

  /** Why the document's latest analysis failed, when it did. */
  failure(uri: vscode.Uri): string | undefined {
    return this.entries.get(uri.toString())?.failure;
  }

  /** The snapshot of exactly this document version, when it is ready. */
  snapshotFor(document: vscode.TextDocument): AnalysisSnapshot | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry?.snapshot?.version === document.version && entry.locale === l10n.currentLocale() ? entry.snapshot : undefined;
  }

  /** Resolves when the document's current version has been analyzed. */
  whenAnalyzed(document: vscode.TextDocument): Promise<AnalysisSnapshot> {
    const current = this.snapshotFor(document);
    if (current) {
      return Promise.resolve(current);
    }
    const entry = this.entry(document.uri);
    if (!entry.timer) {
      this.track(document, 0);
    }
    return new Promise((resolve, reject) => entry.waiting.push({ version: document.version, resolve, reject }));
  }

  /** Every open scenario again, now (the engine restarted and its simulations are gone). */
  analyzeAllAgain(): void {
    vscode.workspace.textDocuments.forEach((document) => this.track(document, 0));
  }

  /** Analyzes now, skipping the typing delay (Run Diagnosis). */
  analyzeNow(document: vscode.TextDocument): Promise<AnalysisSnapshot> {
    this.track(document, 0);
    return this.whenAnalyzed(document);
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (editor && isScenarioDocument(editor.document) && editor.document.uri.toString() !== this.active?.toString()) {
      this.active = editor.document.uri;
      void vscode.commands.executeCommand('setContext', 'asyncCustomers.hasScenario', true);
      this.activeChanged.fire(this.active);
    }
  }

  private track(document: vscode.TextDocument, delayMs: number): void {
    if (!isScenarioDocument(document) || document.uri.scheme === 'git' || document.uri.scheme === 'output') {
      return;
    }
    if (!this.active) {
      this.active = document.uri;
      void vscode.commands.executeCommand('setContext', 'asyncCustomers.hasScenario', true);
      this.activeChanged.fire(this.active);
    }
    const entry = this.entry(document.uri);
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.analyze(document);
    }, delayMs);
  }

  private async analyze(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const version = document.version;
    const started = Date.now();
    const locale = l10n.currentLocale();
    const work = this.engine.analyze(key, document.getText(), version, locale, this.limits());
    // Long replays (large generated volumes) show progress; short ones stay silent.
    const progress = setTimeout(() => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: l10n.t('Simulating {0}…', vscode.workspace.asRelativePath(document.uri)) },
        () => work.catch(() => undefined),
      );
    }, 500);
    try {
      const snapshot = await work;
      const entry = this.entries.get(key);
      if (!entry || document.isClosed) {
        return;
      }
      entry.snapshot = snapshot;
      if (!isBroken(snapshot)) entry.lastGood = snapshot;
      entry.locale = locale;
      entry.failure = undefined;
      this.log.info(`analyzed ${vscode.workspace.asRelativePath(document.uri)} v${version}: ${snapshot.findings.length} findings in ${Date.now() - started} ms${snapshot.replayedFrom > 0 ? ` (replayed from timeline entry ${snapshot.replayedFrom + 1})` : ''}`);
      this.changed.fire(document.uri);
      takeWaiting(entry, snapshot.version).forEach((w) => w.resolve(snapshot));
    } catch (error) {
      if (error instanceof EngineError && error.code === 'cancelled') {
        return;
      }
      this.failed(document, error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(progress);
    }
  }

  /**
   * The engine could not analyze the document: say so where the user looks (status bar, one
   * notification per distinct failure) instead of leaving the last findings as if they were current.
   */
  private failed(document: vscode.TextDocument, message: string): void {
    this.log.error(`analysis of ${document.uri.toString()} failed: ${message}`);
    const entry = this.entries.get(document.uri.toString());
    if (!entry || document.isClosed) {
      return;
    }
    entry.failure = message;
    takeWaiting(entry, document.version).forEach((w) => w.reject(new Error(message)));
    this.changed.fire(document.uri);
    if (this.lastFailureShown !== message) {
      this.lastFailureShown = message;
      const showLog = l10n.t('Show Log');
      void vscode.window
        .showErrorMessage(l10n.t('Async Customer Doctor could not analyze {0}: {1}', vscode.workspace.asRelativePath(document.uri), message), showLog)
        .then((choice) => {
          if (choice === showLog) {
            this.log.show();
          }
        });
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (!entry) {
      return;
    }
    clearTimeout(entry.timer);
    this.entries.delete(key);
    void this.engine.disposeDocument(key).catch(() => undefined);
    this.changed.fire(uri);
    if (this.active?.toString() === key) {
      const next = vscode.workspace.textDocuments.find((d) => isScenarioDocument(d) && this.entries.has(d.uri.toString()));
      this.active = next?.uri;
      void vscode.commands.executeCommand('setContext', 'asyncCustomers.hasScenario', this.active !== undefined);
      this.activeChanged.fire(this.active);
    }
  }

  private entry(uri: vscode.Uri): Entry {
    const key = uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { waiting: [] };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private delay(): number {
    return vscode.workspace.getConfiguration('asyncCustomerDoctor').get<number>('diagnosticsDelay', 300);
  }

  private limits(): Partial<ScenarioLimits> {
    const config = vscode.workspace.getConfiguration('asyncCustomerDoctor.limits');
    return {
      maxTextLength: config.get<number>('maxScenarioCharacters'),
      maxEntries: config.get<number>('maxTimelineEntries'),
      maxGeneratedCustomers: config.get<number>('maxGeneratedCustomers'),
      memoryBudgetMB: config.get<number>('memoryBudgetMB'),
    };
  }

  dispose(): void {
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
    }
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
