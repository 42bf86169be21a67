import type { ChatKind } from '../../../../shared/domain.ts';

export interface DemoSender {
  key: string;
  name: string;
  /** The account owner: their messages are outgoing. */
  me?: boolean;
}

export interface DemoChatSpec {
  key: string;
  name: string;
  kind: ChatKind;
  seed: number;
  count: number;
  start: string;
  end: string;
  gaps: number;
  senders: DemoSender[];
}

const you: DemoSender = { key: 'u1', name: 'You', me: true };
const ana: DemoSender = { key: 'u2', name: 'Ana Costa' };
const dana: DemoSender = { key: 'u5', name: 'Dana Levi דנה' };
const emile: DemoSender = { key: 'u6', name: 'Émile Durand' };
const fatima: DemoSender = { key: 'u7', name: 'Fatima Zahra فاطمة' };
const people: DemoSender[] = [you, ana, { key: 'u3', name: 'Ben Okafor' }, { key: 'u4', name: 'Chen Wei 陈伟' }, dana, emile, fatima];

/** The demo archive. Fixed dates keep it deterministic across runs and machines. */
export const demoChats: readonly DemoChatSpec[] = [
  {
    key: 'archive',
    name: 'Everything Archive 📚',
    kind: 'group',
    seed: 1,
    count: 1_000_000,
    start: '2016-01-04T00:00:00Z',
    end: '2026-10-31T00:00:00Z',
    gaps: 6,
    senders: people,
  },
  {
    key: 'family',
    name: 'Family 🏡',
    kind: 'group',
    seed: 2,
    count: 24_000,
    start: '2018-05-01T00:00:00Z',
    end: '2026-11-15T00:00:00Z',
    gaps: 3,
    senders: people.slice(0, 4),
  },
  {
    key: 'design',
    name: 'Design Team',
    kind: 'group',
    seed: 3,
    count: 6_000,
    start: '2022-02-01T00:00:00Z',
    end: '2026-11-10T00:00:00Z',
    gaps: 2,
    senders: [you, dana, emile, fatima],
  },
  {
    key: 'ana',
    name: 'Ana Costa',
    kind: 'private',
    seed: 4,
    count: 900,
    start: '2024-01-10T00:00:00Z',
    end: '2026-11-18T00:00:00Z',
    gaps: 1,
    senders: [you, ana],
  },
];
