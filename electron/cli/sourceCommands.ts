import { createSourceProviders } from '../core/sources/allSourceProviders.ts';

/** The subcommands of each source kind (`scrollback ryze …`, `scrollback telegram …`), from its provider. */
export const sourceCommands = Object.values(createSourceProviders()).flatMap((provider) => (provider.cli ? [provider.cli] : []));
