import { useQuery } from '@tanstack/react-query';
import type { ImportFormatInfo } from '../../../../shared/importFormats.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/** The formats main's import reads (core's registry, over IPC): asked once, fixed while the app runs. */
export function useImportFormats(): ImportFormatInfo[] {
  const formats = useQuery({ queryKey: queryKeys.importFormats(), queryFn: () => scrollback.listImportFormats(), staleTime: Infinity });
  return formats.data ?? [];
}
