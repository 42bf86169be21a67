import { describe, expect, it } from 'vitest';
import { createDemoMessage } from '../../../../electron/core/sources/demo/createDemoMessage.ts';
import { demoChats } from '../../../../electron/core/sources/demo/demoChats.ts';
import { DemoTimeline } from '../../../../electron/core/sources/demo/DemoTimeline.ts';

function messagesOf(key: string) {
  const spec = demoChats.find((chat) => chat.key === key)!;
  const timeline = new DemoTimeline({
    seed: spec.seed,
    count: spec.count,
    start: Date.parse(spec.start),
    end: Date.parse(spec.end),
    gaps: spec.gaps,
  });
  return Array.from({ length: spec.count }, (_, index) => createDemoMessage(spec, timeline, index));
}

describe('the demo private chat', () => {
  it('begins with a message, not "You created the group", and has only pins and calls as service lines', () => {
    const messages = messagesOf('ana');
    expect(messages[0]!.service).toBeNull();
    const actions = new Set(messages.flatMap((message) => (message.service ? [message.service.action] : [])));
    expect([...actions].sort()).toEqual(['phoneCall', 'pinMessage']);
  });

  it('still opens a group with its creation', () => {
    expect(messagesOf('design')[0]!.service).toEqual({ action: 'chatCreate', title: 'Design Team' });
  });
});
