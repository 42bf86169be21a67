export interface PickedFile {
  file: File;
  /** Its path inside a dropped or picked folder ("Chat/photos/1.jpg"), or '' for a file on its own. */
  relativePath: string;
}

/** Every file of a drop, walking dropped folders (the browser preview uploads them, keeping their layout). */
export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((entry) => entry !== null);
  if (entries.length === 0) return [...transfer.files].map((file) => ({ file, relativePath: '' }));
  const files: PickedFile[] = [];
  for (const entry of entries) await collect(entry, '', files);
  return files;
}

async function collect(entry: FileSystemEntry, parent: string, into: PickedFile[]): Promise<void> {
  const here = parent === '' ? entry.name : `${parent}/${entry.name}`;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    into.push({ file, relativePath: parent === '' ? '' : here });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chromium) until it answers none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await collect(child, here, into);
  }
}

/** Files from a file input: a folder picked with `webkitdirectory` keeps its layout. */
export function filesFromInput(list: FileList): PickedFile[] {
  return [...list].map((file) => ({ file, relativePath: file.webkitRelativePath }));
}
