// Messages between the pipeline webview and the extension, and the engine request that feeds it.
import { PIPELINE_STAGES, type PipelineStageId } from '../../domain/pipeline';

/** Extension → webview: the picture to show (markup from renderPipeline, already escaped). */
export interface RenderMessage {
  readonly type: 'render';
  readonly html: string;
}

/** Webview → extension: the script has loaded; or the user chose a stage (of one channel database). */
export type WebviewMessage = { readonly type: 'ready' } | { readonly type: 'backToNow' } | { readonly type: 'revealStage'; readonly stage: PipelineStageId; readonly database?: string };

/** The engine request the integration adds to the engine protocol: the pipeline of a scenario, optionally after timeline entry k. */
export interface PipelineRequest {
  readonly kind: 'pipeline';
  readonly doc: string;
  /** 0-based timeline entry; the state after it. Undefined: after the whole timeline. */
  readonly afterEntry?: number;
}

/** A message from the webview, checked: the page is ours, but a message is data, never trusted. */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.type === 'ready') return { type: 'ready' };
  if (message.type === 'backToNow') return { type: 'backToNow' };
  if (message.type !== 'revealStage' || !PIPELINE_STAGES.includes(message.stage as PipelineStageId)) return undefined;
  const stage = message.stage as PipelineStageId;
  if (message.database === undefined) return { type: 'revealStage', stage };
  return typeof message.database === 'string' ? { type: 'revealStage', stage, database: message.database } : undefined;
}
