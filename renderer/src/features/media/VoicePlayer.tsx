import { useEffect, useMemo, useRef, useState } from 'react';
import { waveformBars } from '../../../../shared/voiceWaveform.ts';
import { formatBytes, formatDuration } from '../../format/formatDates.ts';
import { bytesOfBase64 } from './base64.ts';
import { MediaProgress } from './MediaProgress.tsx';
import { mediaUrl } from './mediaUrls.ts';
import { useMediaDownload } from './useMediaDownload.ts';
import { translate, useT } from '../../i18n/translate.ts';

const BARS = 40;
const BAR_WIDTH = 3;
const BAR_GAP = 2;
const HEIGHT = 24;

/**
 * The waveform as one small SVG we draw (a path of bars, twice: the played part clipped in the accent),
 * a handful of nodes however many bars, so a list of voice messages stays light.
 */
function WaveformBars({ bars, played }: { bars: number[]; played: number }) {
  const width = bars.length * (BAR_WIDTH + BAR_GAP);
  const path = bars
    .map((bar, i) => {
      const height = Math.max(2, Math.round(2 + bar * (HEIGHT - 4)));
      return `M${i * (BAR_WIDTH + BAR_GAP)} ${(HEIGHT - height) / 2}h${BAR_WIDTH}v${height}h-${BAR_WIDTH}z`;
    })
    .join('');
  return (
    <svg className="voice-wave" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} aria-hidden="true" data-bars={bars.length}>
      <path d={path} className="wave-rest" />
      <path d={path} className="wave-played" style={{ clipPath: `inset(0 ${Math.round((1 - played) * 100)}% 0 0)` }} />
    </svg>
  );
}

/**
 * A voice message or audio file: its waveform as Telegram sends it, Play (downloading the file first when
 * it is not on this computer, with progress and Cancel), and the time played.
 */
export function VoicePlayer({
  chatId,
  messageId,
  durationS,
  waveform,
  size,
  onComputer,
  label,
}: {
  chatId: number;
  messageId: string;
  durationS: number;
  waveform?: string | undefined;
  size?: number | undefined;
  onComputer: boolean;
  label: string;
}) {
  const download = useMediaDownload(chatId, messageId, onComputer);
  const audio = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState(false);
  const [played, setPlayed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const bars = useMemo(() => waveformBars(waveform ? bytesOfBase64(waveform) : null, BARS), [waveform]);
  useEffect(() => () => audio.current?.pause(), []);

  async function toggle() {
    if (playing) {
      audio.current?.pause();
      return;
    }
    if (!download.onComputer && !(await download.start())) return;
    if (!audio.current) {
      const element = new Audio(mediaUrl(chatId, messageId, 'full'));
      // A stream's duration can be unknown (Infinity) until its end: the message's own duration stands in.
      const length = () => (Number.isFinite(element.duration) && element.duration > 0 ? element.duration : Math.max(1, durationS));
      element.addEventListener('timeupdate', () => setPlayed(Math.min(1, element.currentTime / length())));
      element.addEventListener('play', () => setPlaying(true));
      element.addEventListener('pause', () => setPlaying(false));
      element.addEventListener('ended', () => {
        setPlaying(false);
        setPlayed(0);
      });
      element.addEventListener('error', () => setError(translate('media.cannotPlay')));
      audio.current = element;
    }
    await audio.current.play().catch(() => setError(translate('media.cannotPlay')));
  }

  const running = download.status?.state === 'running' || download.status?.state === 'waiting';
  return (
    <div className="voice-player" data-playing={playing || undefined}>
      <button
        type="button"
        className="voice-play"
        onClick={() => void toggle()}
        aria-label={playing ? t('media.pause') : t('media.playWhat', { what: label })}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <WaveformBars bars={bars} played={played} />
      <span className="voice-meta">
        {formatDuration(durationS)}
        {!download.onComputer && size ? ` · ${formatBytes(size)}` : ''}
        {!download.onComputer && !running ? ` · ${t('media.file.notHere')}` : ''}
      </span>
      {running && download.status && <MediaProgress status={download.status} onCancel={download.cancel} />}
      {(error ?? download.status?.state === 'failed') && (
        <span className="media-error" role="alert">
          {error ?? download.status?.detail}
        </span>
      )}
    </div>
  );
}
