/**
 * Where Telegram's update sequences stand, to know whether an update follows the last one seen: private
 * chats and basic groups share the account's `pts`; each channel has its own. An update carries `pts` and
 * `pts_count`; it follows the last one when `pts − pts_count` is the `pts` already reached. Anything else
 * is a gap (updates were lost: a reconnect, a server hiccup) or a repeat (already applied).
 */
export interface TelegramUpdateSequence {
  /** The account's pts from updates.getState: the common sequence is followed from here. */
  startCommon(pts: number): void;
  /** A channel's pts from a history result (messages.channelMessages), when its sequence is not followed yet. */
  seedChannel(channelKey: string, pts: number): void;
  /**
   * Takes one update's place in its sequence (`channelKey` null: the common one). 'follows': nothing was
   * missed; 'gap': something before it was; 'repeat': it was applied already; 'unknown': the sequence's
   * start is not known.
   */
  accept(channelKey: string | null, pts: number, ptsCount: number): 'follows' | 'gap' | 'repeat' | 'unknown';
  /** The connection dropped: nothing is known to follow any more until the sequences start again. */
  reset(): void;
}

export function createTelegramUpdateSequence(): TelegramUpdateSequence {
  let common: number | null = null;
  const channels = new Map<string, number>();
  return {
    startCommon(pts) {
      common = pts;
    },
    seedChannel(channelKey, pts) {
      if (!channels.has(channelKey)) channels.set(channelKey, pts);
    },
    accept(channelKey, pts, ptsCount) {
      const reached = channelKey === null ? common : (channels.get(channelKey) ?? null);
      const set = (value: number) => (channelKey === null ? (common = value) : channels.set(channelKey, value));
      if (reached === null) {
        set(pts);
        return 'unknown';
      }
      if (pts <= reached) return 'repeat';
      set(pts);
      return pts - ptsCount === reached ? 'follows' : 'gap';
    },
    reset() {
      common = null;
      channels.clear();
    },
  };
}
