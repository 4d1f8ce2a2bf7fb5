import type { CommandContext } from './context';

/**
 * A command's handler. Its parameters are what the command accepts: a tree node when run from
 * an item's menu, nothing from the palette (it asks), or plain values from tests and links.
 */
type Command = (...args: never[]) => unknown;

/** Builds a command's handler from the shared context (rust-analyzer's `createCommands()` shape). */
export type CommandFactory = (ctx: CommandContext) => Command;
