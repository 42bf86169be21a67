import type { SourceProvider } from '../SourceProvider.ts';
import { createDemoSource, type DemoSourceOptions } from './createDemoSource.ts';

/** The built-in demo archive: added on first start (or `scrollback demo`), no credentials. */
export function createDemoProvider(options: DemoSourceOptions = {}): SourceProvider {
  return {
    kind: 'demo',
    addLabel: null,
    removeLabel: 'Remove',
    createSource: () => createDemoSource(options),
  };
}
