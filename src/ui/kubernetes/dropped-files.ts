/**
 * Files with their relative paths from a drop (a folder is walked through webkitGetAsEntry) or from
 * an <input webkitdirectory> (webkitRelativePath): what "drop /etc/kubernetes here" needs.
 */
import type { InputFile } from './cluster-renew-state.svelte.ts';

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** A directory reader hands out its entries in batches until an empty one. */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return out;
    out.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: InputFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await entryFile(entry as FileSystemFileEntry);
    out.push({ path: entry.fullPath.replace(/^\//, ''), bytes: await bytesOf(file) });
  } else if (entry.isDirectory) {
    for (const child of await readAll(entry as FileSystemDirectoryEntry)) await walk(child, out);
  }
}

/** Every file of a drop, folders walked; falls back to the plain file list where entries are not offered. */
export async function droppedFiles(data: DataTransfer): Promise<InputFile[]> {
  const entries = [...data.items].map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() : null)).filter((e): e is FileSystemEntry => !!e);
  if (entries.length) {
    const out: InputFile[] = [];
    for (const e of entries) await walk(e, out);
    return out;
  }
  return pickedFiles([...data.files]);
}

/** Files from an <input type=file> (with webkitdirectory they carry their path in the folder). */
export async function pickedFiles(files: readonly File[]): Promise<InputFile[]> {
  return Promise.all(files.map(async (f) => ({ path: f.webkitRelativePath || f.name, bytes: await bytesOf(f) })));
}
