import type { SourceKind } from '../../../shared/domain.ts';
import { createArchiveProvider } from './archive/archiveProvider.ts';
import { createDemoProvider } from './demo/demoProvider.ts';
import type { DemoSourceOptions } from './demo/createDemoSource.ts';
import { createRyzeProvider } from './ryze/ryzeProvider.ts';
import type { SourceProvider } from './SourceProvider.ts';
import { createTelegramProvider, type TelegramProviderOptions } from './telegram/telegramProvider.ts';

/** Options a composition root (or a test) may give a kind: fakes, pacing, the demo's latency. */
export interface SourceProviderOptions {
  demo?: DemoSourceOptions;
  telegram?: TelegramProviderOptions;
}

/**
 * Every source kind this build knows, one line each. A new kind is its own folder under sources/ plus a
 * line here (and its add dialog in the renderer); the compiler lists any kind of SourceKind left out.
 */
export function createSourceProviders(options: SourceProviderOptions = {}): Record<SourceKind, SourceProvider> {
  return {
    demo: createDemoProvider(options.demo),
    import: createArchiveProvider(),
    ryze: createRyzeProvider(),
    telegram: createTelegramProvider(options.telegram),
  };
}
