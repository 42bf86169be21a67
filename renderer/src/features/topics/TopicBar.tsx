import type { ForumTopic } from '../../../../shared/domain.ts';
import { formatCount } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * A forum's topics under its header: "All topics" or one topic at a time, each with its messages on this
 * computer. One Tab stop; ←/→ move between the topics (a tab list).
 */
export function TopicBar({
  topics,
  current,
  onChoose,
}: {
  topics: ForumTopic[];
  current: string | null;
  onChoose(topicId: string | null): void;
}) {
  const t = useT();
  if (topics.length === 0) return null;
  const choices: Array<{ id: string | null; label: string; count: number | null }> = [
    { id: null, label: t('topics.all'), count: null },
    ...topics.map((topic) => ({
      id: topic.id,
      label: `${topic.iconEmoji ? `${topic.iconEmoji} ` : ''}${topic.title}`,
      count: topic.messagesOnComputer,
    })),
  ];
  const index = Math.max(
    0,
    choices.findIndex((choice) => choice.id === current),
  );
  return (
    <div
      className="topic-bar"
      role="tablist"
      aria-label={t('topics.label')}
      data-testid="topic-bar"
      onKeyDown={(event) => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
        event.preventDefault();
        const next = choices[(index + (event.key === 'ArrowRight' ? 1 : choices.length - 1)) % choices.length]!;
        onChoose(next.id);
      }}
    >
      {choices.map((choice, position) => (
        <button
          key={choice.id ?? ''}
          type="button"
          role="tab"
          aria-selected={position === index}
          tabIndex={position === index ? 0 : -1}
          className={position === index ? 'on' : ''}
          onClick={() => onChoose(choice.id)}
          title={choice.count === null ? undefined : t('topics.count', { count: choice.count })}
          dir="auto"
        >
          {choice.label}
          {choice.count !== null && <span className="topic-count"> {formatCount(choice.count)}</span>}
        </button>
      ))}
    </div>
  );
}
