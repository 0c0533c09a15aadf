import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** accounts, transactions, distributors, lots, redemptions, conversions and cdsc commands (SPEC §6). */
export function registerClassBCommands(_program: Command, _getContext: () => CliContext): void {}
