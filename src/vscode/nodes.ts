// What a tree item stands for, as typed data. The trees build nodes from it; a command run from
// an item's inline or context menu receives the node and reads its data, never its id.
import type * as vscode from 'vscode';
import type { CdxJobId } from '../domain/jobs';
import type { OperationStatus } from '../engine/protocol';

/** The views whose branches page their rows ("Load more"). */
export type PagedView = 'stagingTables' | 'syncStatus';

export type NodeData =
  | { readonly kind: 'question'; readonly id: string }
  | { readonly kind: 'cause'; readonly ruleId: string }
  | { readonly kind: 'finding'; readonly index: number }
  | { readonly kind: 'feature'; readonly id: string; readonly enabled: boolean }
  | { readonly kind: 'prerequisite'; readonly feature: string; readonly id: string }
  | { readonly kind: 'channelDatabase'; readonly database: string }
  | { readonly kind: 'cdxJob'; readonly database: string; readonly job: CdxJobId }
  | { readonly kind: 'stagingDatabase'; readonly database: string }
  | { readonly kind: 'stagingTable'; readonly database: string; readonly table: string }
  | { readonly kind: 'stagingRow'; readonly database: string; readonly table: string; readonly recId: number }
  | { readonly kind: 'operationStatus'; readonly status: OperationStatus }
  | { readonly kind: 'operation'; readonly id: string; readonly status: OperationStatus }
  | { readonly kind: 'loadMore'; readonly view: PagedView; readonly key: string };

type NodeKind = NodeData['kind'];

export interface Node<D extends NodeData = NodeData> {
  /** Unique within the view and stable across refreshes, so expansion state survives. */
  readonly id: string;
  readonly data: D;
  readonly item: vscode.TreeItem;
  /** Read when the node is expanded; may ask the engine. */
  readonly children?: () => Node[] | Promise<Node[]>;
}

/** The data of a node of this kind, when `arg` is one (a command's first argument). */
export function dataOf<K extends NodeKind>(arg: unknown, kind: K): Extract<NodeData, { kind: K }> | undefined {
  if (typeof arg !== 'object' || arg === null || !('data' in arg)) {
    return undefined;
  }
  const data = arg.data;
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === kind ? (data as Extract<NodeData, { kind: K }>) : undefined;
}

/** What the commands may ask of the trees, without knowing the view classes. */
export interface TreeService {
  /** Shows one more page of a paged branch. */
  loadMore(view: PagedView, key: string): void;
}
