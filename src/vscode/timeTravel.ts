// Time travel in the editor: the views and the picture show the state after an earlier timeline
// entry, chosen with the CodeLens "State after this entry". A status bar banner ("Viewing 09:12,
// entry 4 of 9") says so and leads back to now. The engine keeps one replay per document for it.
import * as vscode from 'vscode';
import * as l10n from './l10n';
import type { EngineClient } from '../engine/client';
import { isEngineError, type TravelState } from '../engine/protocol';
import type { Registrar } from './registrar';
import { SCENARIO_GLOB } from './scenarioFiles';
import type { ScenarioManager } from './scenarios';

const TRAVEL_COMMAND = 'asyncCustomers.timeTravel';
const BACK_TO_NOW_COMMAND = 'asyncCustomers.backToNow';

/** What the views ask: which entry to show (undefined: now) and when that changes. */
export interface TimeTravelView {
  afterEntry(uri: vscode.Uri): number | undefined;
  /** "09:12 · entry 4 of 9" while travelling, for a view's description. */
  banner(uri: vscode.Uri): string | undefined;
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

/** 2026-11-01T09:12:00.000Z → 09:12 (UTC, as the scenario writes times). */
function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

class TimeTravel implements TimeTravelView, vscode.Disposable {
  private readonly states = new Map<string, TravelState & { afterEntry: number }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly item = vscode.window.createStatusBarItem('asyncCustomers.timeTravel', vscode.StatusBarAlignment.Left, 51);
  private readonly disposables: vscode.Disposable[] = [this.changed, this.item];
  readonly onDidChange = this.changed.event;

  constructor(
    registrar: Registrar,
    private readonly scenarios: ScenarioManager,
    private readonly engine: EngineClient,
  ) {
    this.item.name = l10n.t('Async Customers time travel');
    this.item.command = BACK_TO_NOW_COMMAND;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.disposables.push(
      scenarios.onDidChangeAnalysis((uri) => this.follow(uri)),
      scenarios.onDidChangeActiveScenario(() => this.updateBanner()),
      registrar.registerCommand(TRAVEL_COMMAND, (uri: unknown, index: unknown) => this.travelTo(uri, index)),
      registrar.registerCommand(BACK_TO_NOW_COMMAND, (uri: unknown) => this.backToNow(uri instanceof vscode.Uri ? uri : this.scenarios.activeScenario)),
    );
  }

  afterEntry(uri: vscode.Uri): number | undefined {
    return this.states.get(uri.toString())?.afterEntry;
  }

  banner(uri: vscode.Uri): string | undefined {
    const state = this.states.get(uri.toString());
    return state ? l10n.t('Viewing {0}, entry {1} of {2}', clockTime(state.clock), state.afterEntry + 1, state.entries) : undefined;
  }

  /** Shows the state after entry `index` (0-based) of the scenario `uri`. */
  async travelTo(uri: unknown, index: unknown): Promise<void> {
    const target = uri instanceof vscode.Uri ? uri : this.scenarios.activeScenario;
    if (!target || typeof index !== 'number') return;
    const doc = target.toString();
    try {
      const state = await this.engine.request({ kind: 'travel', doc, afterEntry: index });
      if (state.afterEntry === undefined) {
        this.states.delete(doc);
      } else {
        this.states.set(doc, { ...state, afterEntry: state.afterEntry });
      }
    } catch (error) {
      if (isEngineError(error, 'cancelled') || isEngineError(error, 'noAnalysis')) return;
      throw error;
    }
    this.changed.fire(target);
    this.updateBanner();
  }

  async backToNow(uri: vscode.Uri | undefined): Promise<void> {
    if (!uri || !this.states.delete(uri.toString())) return;
    this.changed.fire(uri);
    this.updateBanner();
    await this.engine.request({ kind: 'travel', doc: uri.toString() }).catch(() => undefined);
  }

  /** A new analysis of a document being viewed in the past: the same entry again, in the new replay. */
  private follow(uri: vscode.Uri): void {
    const state = this.states.get(uri.toString());
    if (!state) return;
    if (!this.scenarios.snapshot(uri)) {
      this.states.delete(uri.toString());
      this.updateBanner();
      return;
    }
    void this.travelTo(uri, state.afterEntry);
  }

  private updateBanner(): void {
    const uri = this.scenarios.activeScenario;
    const banner = uri ? this.banner(uri) : undefined;
    void vscode.commands.executeCommand('setContext', 'asyncCustomers.timeTravel', banner !== undefined);
    if (!banner) {
      this.item.hide();
      return;
    }
    this.item.text = `$(history) ${banner} · ${l10n.t('Back to now')}`;
    this.item.tooltip = l10n.t('The views and the picture show the state after this timeline entry. Click to go back to now.');
    this.item.accessibilityInformation = { label: `${banner}. ${l10n.t('Back to now')}` };
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** "State after this entry" above every timeline entry; "Back to now" above the one shown. */
class TimeTravelLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly scenarios: ScenarioManager,
    private readonly travel: TimeTravel,
  ) {
    this.disposables.push(
      travel.onDidChange(() => this.changed.fire()),
      scenarios.onDidChangeAnalysis(() => this.changed.fire()),
      // The titles are in the language of the setting: ask for them again when it changes.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('asyncCustomerDoctor.language')) this.changed.fire();
      }),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const snapshot = this.scenarios.snapshot(document.uri);
    if (!snapshot || snapshot.version !== document.version || snapshot.lastGoodReplay) return [];
    const shown = this.travel.afterEntry(document.uri);
    const offsets = snapshot.scenario.entryOffsets;
    return offsets.map((offset, index) => {
      const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset));
      if (index === shown) {
        return new vscode.CodeLens(range, {
          title: `$(history) ${this.travel.banner(document.uri) ?? ''} · ${l10n.t('Back to now')}`,
          command: BACK_TO_NOW_COMMAND,
          arguments: [document.uri],
        });
      }
      const last = index === offsets.length - 1;
      return new vscode.CodeLens(range, {
        title: last ? l10n.t('State after this entry (now)') : l10n.t('State after this entry'),
        tooltip: l10n.t('Show the views and the picture as they were after this entry'),
        command: last ? BACK_TO_NOW_COMMAND : TRAVEL_COMMAND,
        arguments: last ? [document.uri] : [document.uri, index],
      });
    });
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function registerTimeTravel(context: vscode.ExtensionContext, registrar: Registrar, scenarios: ScenarioManager, engine: EngineClient): TimeTravel {
  const travel = new TimeTravel(registrar, scenarios, engine);
  const lenses = new TimeTravelLenses(scenarios, travel);
  context.subscriptions.push(travel, lenses, vscode.languages.registerCodeLensProvider({ pattern: SCENARIO_GLOB }, lenses));
  return travel;
}
