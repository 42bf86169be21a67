import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/**
 * One person as the person view shows them, and the user's corrections: rename, link another person in,
 * unlink a sender (after which the last sender taken out leaves only the person it became: `onShowPerson`).
 * Every person view reads again after any of them.
 */
export function usePerson(personId: number, onShowPerson: (personId: number) => void, onRenamed: () => void) {
  const client = useQueryClient();
  const person = useQuery({ queryKey: queryKeys.people.person(personId), queryFn: () => scrollback.getPerson({ personId }) });
  const changed = () => void client.invalidateQueries({ queryKey: queryKeys.people.all() });
  const rename = useMutation({
    mutationFn: (name: string) => scrollback.renamePerson({ personId, name }),
    onSuccess: () => {
      onRenamed();
      changed();
    },
  });
  const link = useMutation({
    mutationFn: (otherPersonId: number) => scrollback.linkPeople({ personId, otherPersonId }),
    onSuccess: changed,
  });
  const unlink = useMutation({
    mutationFn: (senderId: number) => scrollback.unlinkSender({ senderId }),
    onSuccess: (split) => {
      changed();
      if ((person.data?.senders.length ?? 0) <= 1) onShowPerson(split.id);
    },
  });
  const failure = [person, rename, link, unlink].find((state) => state.error)?.error ?? null;
  return { person: person.data, failure, rename, link, unlink };
}
