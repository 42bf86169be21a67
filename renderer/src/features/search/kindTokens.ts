import type { SearchKind } from '../../../../shared/search.ts';
import { topLevelTerms, withTopLevelTerms, type QueryNode } from '../../../../shared/searchQuery.ts';

/** The panel's kind chips; each stands for a token in the box (has:photo, is:service). */
export const KIND_CHIPS = ['photo', 'video', 'voice', 'file', 'link', 'poll', 'service'] as const satisfies readonly SearchKind[];
export type KindChip = (typeof KIND_CHIPS)[number];

function nodeOf(chip: KindChip): QueryNode {
  return chip === 'service' ? { type: 'is', value: 'service' } : { type: 'has', value: chip };
}

function chipOf(node: QueryNode): KindChip | null {
  if (node.type === 'is' && node.value === 'service') return 'service';
  if (node.type === 'has' && node.value !== 'media') return node.value;
  return null;
}

/** A top-level token the chips own: one kind, or an OR of kinds only. */
function chipsOfTerm(node: QueryNode): KindChip[] | null {
  const single = chipOf(node);
  if (single) return [single];
  if (node.type !== 'or') return null;
  const chips = node.children.map(chipOf);
  return chips.every((chip) => chip !== null) ? chips : null;
}

/** Which chips are on: the first top-level kind token of the query. */
export function kindChipsIn(root: QueryNode | null): KindChip[] {
  for (const node of topLevelTerms(root)) {
    const chips = chipsOfTerm(node);
    if (chips) return chips;
  }
  return [];
}

/** The query with its kind tokens replaced by the chips pressed (any of them: an OR group). */
export function withKindChips(query: string, chips: readonly KindChip[]): string {
  const ordered = KIND_CHIPS.filter((chip) => chips.includes(chip));
  const added: QueryNode[] =
    ordered.length === 0 ? [] : ordered.length === 1 ? [nodeOf(ordered[0]!)] : [{ type: 'or', children: ordered.map(nodeOf) }];
  return withTopLevelTerms(query, (node) => chipsOfTerm(node) !== null, added);
}
