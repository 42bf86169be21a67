// pino-roll ships no types: what Scrollback uses of it (see its README).
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  export default function pinoRoll(options: {
    file: string;
    size?: string | number;
    frequency?: string | number;
    mkdir?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
  }): Promise<DestinationStream & { flushSync?(): void; end(): void }>;
}
