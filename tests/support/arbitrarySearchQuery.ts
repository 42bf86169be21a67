import fc from 'fast-check';
import { DATE_OPERATORS, HAS_VALUES, IS_VALUES, type QueryNode } from '../../shared/searchQuery.ts';

/** Flattens nested AND in AND and OR in OR: the form the parser gives back. */
export function canonicalQuery(node: QueryNode): QueryNode {
  if (node.type === 'not') return { type: 'not', child: canonicalQuery(node.child) };
  if (node.type === 'and' || node.type === 'or') {
    const children = node.children.map(canonicalQuery).flatMap((child) => (child.type === node.type ? child.children : [child]));
    return children.length === 1 ? children[0]! : { type: node.type, children };
  }
  return node;
}

/** Random query trees over the given words, senders and chat names, canonical, at most three levels deep. */
export function arbitrarySearchQuery(options: { words: string[]; senders: string[]; chats: string[]; dates: string[] }) {
  const leaf: fc.Arbitrary<QueryNode> = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...options.words).map((value): QueryNode => ({ type: 'text', value })) },
    { weight: 1, arbitrary: fc.constantFrom(...options.senders).map((value): QueryNode => ({ type: 'from', value })) },
    { weight: 1, arbitrary: fc.constantFrom(...options.chats).map((value): QueryNode => ({ type: 'in', value })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ op: fc.constantFrom(...DATE_OPERATORS), value: fc.constantFrom(...options.dates) })
        .map(({ op, value }): QueryNode => ({ type: 'date', op, value })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...HAS_VALUES).map((value): QueryNode => ({ type: 'has', value })) },
    { weight: 1, arbitrary: fc.constantFrom(...IS_VALUES).map((value): QueryNode => ({ type: 'is', value })) },
  );
  const { tree } = fc.letrec<{ tree: QueryNode }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      tie('tree').map((child): QueryNode => ({ type: 'not', child })),
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((children): QueryNode => ({ type: 'and', children })),
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((children): QueryNode => ({ type: 'or', children })),
    ),
  }));
  return tree.map(canonicalQuery);
}
