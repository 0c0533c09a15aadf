import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** providers, provider-assets and service-fees commands (SPEC §5). */
export function registerServiceFeesCommands(_program: Command, _getContext: () => CliContext): void {}
