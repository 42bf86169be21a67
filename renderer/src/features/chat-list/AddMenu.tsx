import { useState } from 'react';
import type { SourceKind } from '../../../../shared/domain.ts';
import type { SourceKindInfo } from '../../../../shared/ipc/contract.ts';
import { ContextMenu } from '../../app/ContextMenu.tsx';
import { emitAppCommand } from '../../app/appCommands.ts';
import { IconButton } from '../../app/IconButton.tsx';
import { useT } from '../../i18n/translate.ts';

/** The sidebar's one "+" menu: log in to an account, add a chat, import export files. */
export function AddMenu({ sourceKinds, onAddSource }: { sourceKinds: SourceKindInfo[]; onAddSource(kind: SourceKind): void }) {
  const t = useT();
  const [place, setPlace] = useState<{ x: number; y: number } | null>(null);
  return (
    <>
      <IconButton
        icon="plus"
        label={t('chatList.add.label')}
        aria-haspopup="menu"
        aria-expanded={place !== null}
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          setPlace((open) => (open ? null : { x: box.left, y: box.bottom + 4 }));
        }}
        data-testid="add-menu"
      />
      {place && (
        <ContextMenu
          x={place.x}
          y={place.y}
          onClose={() => setPlace(null)}
          items={[
            ...sourceKinds.flatMap((info) =>
              info.addLabel ? [{ label: info.addLabel, testId: `add-source-${info.kind}`, onSelect: () => onAddSource(info.kind) }] : [],
            ),
            { label: t('chatList.add.import'), testId: 'add-import', onSelect: () => emitAppCommand('importFiles') },
          ]}
        />
      )}
    </>
  );
}
