// The pipeline picture in the Async Customers container and in an editor panel: one controller per
// webview, fed by a PipelineSource, rendering with the pure renderPipeline.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Finding } from '../../domain/finding';
import type { PipelineSnapshot } from '../../domain/pipeline';
import { currentLocale } from '../l10n';
import { pipelineLabels, type PipelineLabels } from './labels';
import { parseWebviewMessage, type RenderMessage } from './protocol';
import { pipelineDocument, renderMessage, renderPipeline } from './render';

/** Where the picture gets its data: the active scenario, its pipeline and findings, and when they change. */
export interface PipelineSource {
  activeScenario(): vscode.Uri | undefined;
  /** Time travel: the timeline entry to show the state after (0-based); undefined for now. */
  afterEntry(uri: vscode.Uri): number | undefined;
  /** "Viewing 09:12, entry 4 of 9" while travelling. */
  banner(uri: vscode.Uri): string | undefined;
  /** The text has a syntax error: the picture is the last good replay's. */
  broken(uri: vscode.Uri): boolean;
  /** The pipeline after the whole timeline, or after timeline entry `afterEntry` (0-based). */
  snapshot(uri: vscode.Uri, afterEntry?: number): Promise<PipelineSnapshot | undefined>;
  /** The findings of the scenario's last analysis, for revealing the one that explains a stage. */
  findings(uri: vscode.Uri): readonly Finding[] | undefined;
  readonly onDidChange: vscode.Event<unknown>;
}

export const PIPELINE_VIEW_ID = 'asyncCustomers.pipeline';
const PIPELINE_PANEL_TYPE = 'asyncCustomers.pipelinePanel';
export const SHOW_PIPELINE_COMMAND = 'asyncCustomers.showPipeline';
export const REVEAL_STAGE_COMMAND = 'asyncCustomers.revealStage';

function localLabels(): PipelineLabels {
  return pipelineLabels(currentLocale());
}

/** One webview showing the picture: posts renders once the script is ready, drops answers a newer request overtook. */
class PipelineWebview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private dirty = true;
  private generation = 0;

  constructor(
    private readonly webview: vscode.Webview,
    extensionUri: vscode.Uri,
    private readonly source: PipelineSource,
    private readonly isVisible: () => boolean,
    private readonly onRendered: (snapshot: PipelineSnapshot | undefined) => void = () => undefined,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media', 'pipeline');
    webview.options = { enableScripts: true, localResourceRoots: [media] };
    const labels = localLabels();
    webview.html = pipelineDocument({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'pipeline.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'pipeline.css')).toString(),
      title: labels.title,
      body: '',
      lang: currentLocale(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      source.onDidChange(() => this.refresh()),
    );
  }

  /** Renders now if visible, else on the next show. */
  refresh(): void {
    this.dirty = true;
    if (this.ready && this.isVisible()) {
      void this.render();
    }
  }

  private receive(data: unknown): void {
    const message = parseWebviewMessage(data);
    if (message?.type === 'ready') {
      this.ready = true;
      this.refresh();
    } else if (message?.type === 'backToNow') {
      void vscode.commands.executeCommand('asyncCustomers.backToNow', this.source.activeScenario());
    } else if (message?.type === 'revealStage') {
      void vscode.commands.executeCommand(REVEAL_STAGE_COMMAND, { stage: message.stage, database: message.database, uri: this.source.activeScenario() });
    }
  }

  private async render(): Promise<void> {
    const generation = ++this.generation;
    this.dirty = false;
    const labels = localLabels();
    const uri = this.source.activeScenario();
    let html: string;
    let snapshot: PipelineSnapshot | undefined;
    try {
      snapshot = uri ? await this.source.snapshot(uri, this.source.afterEntry(uri)) : undefined;
      const banner = uri && snapshot?.afterEntry !== undefined ? this.source.banner(uri) : undefined;
      const note = uri && this.source.broken(uri) ? labels.lastGoodReplay : undefined;
      html = snapshot ? renderPipeline(snapshot, labels, banner, note) : renderMessage(labels.noScenario);
    } catch (error) {
      html = renderMessage(labels.failedToLoad(error instanceof Error ? error.message : String(error)));
    }
    if (generation !== this.generation) return;
    this.onRendered(snapshot);
    const message: RenderMessage = { type: 'render', html };
    await this.webview.postMessage(message);
  }

  get needsRender(): boolean {
    return this.dirty;
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The view in the Async Customers container; renders only while visible, and says the clock in its title bar. */
export class PipelineViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private current: PipelineWebview | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: PipelineSource,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.current?.dispose();
    const shown = new PipelineWebview(view.webview, this.extensionUri, this.source, () => view.visible, (snapshot) => {
      const uri = this.source.activeScenario();
      const banner = uri && snapshot?.afterEntry !== undefined ? this.source.banner(uri) : undefined;
      view.description = banner ?? (snapshot ? `${snapshot.clock.slice(11, 16)} UTC` : undefined);
    });
    this.current = shown;
    view.onDidChangeVisibility(() => {
      if (view.visible && shown.needsRender) shown.refresh();
    });
    view.onDidDispose(() => {
      shown.dispose();
      if (this.current === shown) this.current = undefined;
    });
  }

  dispose(): void {
    this.current?.dispose();
  }
}

/** The same picture in an editor tab: one panel, revealed again when it exists. */
export class PipelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: PipelineWebview | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: PipelineSource,
  ) {}

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PIPELINE_PANEL_TYPE, localLabels().title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'async-customers.svg');
    const shown = new PipelineWebview(panel.webview, this.extensionUri, this.source, () => panel.visible);
    // The tab's title follows the language setting: a change of it analyses the scenario again.
    const retitle = this.source.onDidChange(() => {
      panel.title = localLabels().title;
    });
    panel.onDidChangeViewState(() => {
      if (panel.visible && shown.needsRender) shown.refresh();
    });
    panel.onDidDispose(() => {
      retitle.dispose();
      shown.dispose();
      this.panel = undefined;
      this.shown = undefined;
    });
    this.panel = panel;
    this.shown = shown;
  }

  dispose(): void {
    this.shown?.dispose();
    this.panel?.dispose();
  }
}
