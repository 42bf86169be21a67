import type { SourceKind } from '../../../shared/domain.ts';

/** How a kind of source is named where a result, a count or a total says where it came from. */
export function sourceKindName(kind: SourceKind): string {
  return { telegram: 'Telegram', ryze: 'RyzeAPI', demo: 'the demo archive', import: 'the imported files' }[kind];
}
