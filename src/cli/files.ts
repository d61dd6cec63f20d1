/**
 * Reading and writing the user's files on the command line, with errors that name the path
 * (and, for reading, the upload size limit checked before anything is read).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { defineMessages } from '../core/errors.js';
import { checkDeclaredSize } from '../data/index.js';

export const fileMsg = defineMessages('file', {
  not_found: {
    en: 'File "{path}" was not found. Check the path.',
    ru: 'Файл «{path}» не найден. Проверьте путь.',
  },
  not_a_file: {
    en: '"{path}" is not a file.',
    ru: '«{path}» — не файл.',
  },
  cannot_read: {
    en: 'Cannot read "{path}" ({detail}).',
    ru: 'Не удаётся прочитать «{path}» ({detail}).',
  },
  cannot_write: {
    en: 'Cannot write "{path}" ({detail}). Check that the folder exists and is writable.',
    ru: 'Не удаётся записать «{path}» ({detail}). Проверьте, что папка существует и доступна для записи.',
  },
});

/** A file-system error's code (ENOENT, EACCES...) or message, for the `{detail}` of a message. */
function detailOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
}

/** Reads a user's file, with the size limit checked before reading. */
export async function readUserFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw fileMsg.error('not_a_file', { path });
    size = s.size;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw fileMsg.error('not_found', { path });
    if (e instanceof Error && e.name === 'UserInputError') throw e;
    throw fileMsg.error('cannot_read', { path, detail: (e as Error).message });
  }
  checkDeclaredSize(size);
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw fileMsg.error('cannot_read', { path, detail: (e as Error).message });
  }
}

/** Writes a file, turning file-system errors into a UserInputError naming the path. */
export async function writeUserFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (e) {
    throw fileMsg.error('cannot_write', { path, detail: detailOf(e) });
  }
}
