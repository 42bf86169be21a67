import type { SourceProvider } from '../SourceProvider.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { createDemoSource, demoPaces, type DemoPace, type DemoSourceOptions } from './createDemoSource.ts';
import { translator } from '../../i18n/createTranslator.ts';

/**
 * The built-in demo archive: added on first start (or `scrollback demo`), no credentials. With
 * SCROLLBACK_DEMO_PACE=telegram it answers at a real account's pace (about a page a second, flood waits).
 */
export function createDemoProvider(options: DemoSourceOptions = {}, env: NodeJS.ProcessEnv = process.env): SourceProvider {
  const pace = options.pace !== undefined ? options.pace : paceFromEnvironment(env.SCROLLBACK_DEMO_PACE);
  return {
    kind: 'demo',
    addLabel: null,
    removeLabel: 'Remove',
    createSource: () => createDemoSource({ ...options, pace }),
  };
}

function paceFromEnvironment(name: string | undefined): DemoPace | null {
  if (name === undefined || name === '' || name === 'fast') return null;
  const pace = demoPaces[name];
  if (!pace) throw new ScrollbackError('INVALID_INPUT', translator()('error.demo.pace', { name: name.slice(0, 30) }));
  return pace;
}
