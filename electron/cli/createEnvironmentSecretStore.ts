import { ScrollbackError } from '../../shared/errors.ts';
import { rememberingSecrets, type SecretStore } from '../core/base/SecretStore.ts';
import type { SourceProvider } from '../core/sources/SourceProvider.ts';

/**
 * The command line's credentials: read from the environment on every use (SCROLLBACK_RYZE_TOKEN,
 * SCROLLBACK_TELEGRAM_SESSION…), each kind's provider saying which variable holds its key. Nothing is ever
 * stored: a command that would store one is refused.
 */
export function createEnvironmentSecretStore(env: NodeJS.ProcessEnv, providers: () => Iterable<SourceProvider>): SecretStore {
  return rememberingSecrets({
    get(key) {
      for (const provider of providers()) {
        const value = provider.credentialFromEnvironment?.(key, env);
        if (value) return value;
      }
      return null;
    },
    set() {
      throw new ScrollbackError('FORBIDDEN', 'The command line stores no credentials: set them in the environment instead.');
    },
    delete() {
      // Nothing is stored, so there is nothing to delete.
    },
  });
}
