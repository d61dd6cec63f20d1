/**
 * The one error the store raises on purpose: a database that cannot be opened, is not a
 * gradbot database, was written by a newer gradbot, or a migration that failed. Its message
 * names the file and what to do, in English and Russian, so main.ts can print it as one line
 * instead of a stack trace.
 */
import { formatTemplate, type Lang, type LocalizedText, type MessageParams, renderMessage } from '../core/errors.js';

const TEXTS = {
  cannot_create_dir: {
    en: 'Cannot create the folder "{dir}" for the database "{path}" ({reason}). Set DATABASE_PATH to a file in a folder gradbot may write to.',
    ru: 'Не получается создать папку «{dir}» для базы данных «{path}» ({reason}). Укажите в DATABASE_PATH файл в папке, куда gradbot может писать.',
  },
  cannot_open: {
    en: 'Cannot open the database "{path}" ({reason}). Check that DATABASE_PATH points to a file (not a folder) that gradbot may read and write.',
    ru: 'Не получается открыть базу данных «{path}» ({reason}). Проверьте, что DATABASE_PATH указывает на файл (а не папку), который gradbot может читать и изменять.',
  },
  not_a_database: {
    en: '"{path}" is not an SQLite database. Point DATABASE_PATH at another file, or move this one away and start again.',
    ru: '«{path}» не база данных SQLite. Укажите в DATABASE_PATH другой файл или уберите этот и запустите снова.',
  },
  too_new: {
    en: 'The database "{path}" has schema version {found}, newer than this gradbot knows ({known}). Update gradbot, or point DATABASE_PATH at another file.',
    ru: 'У базы данных «{path}» версия схемы {found}, а эта версия gradbot знает только до {known}. Обновите gradbot или укажите в DATABASE_PATH другой файл.',
  },
  migration_failed: {
    en: 'Updating the database "{path}" to schema version {version} ({name}) failed: {reason}. Nothing of that step was applied; the file is still at version {current}.',
    ru: 'Не удалось обновить базу данных «{path}» до версии схемы {version} ({name}): {reason}. Этот шаг не применён, файл остался на версии {current}.',
  },
  round_running: {
    en: 'A round is already running in this chat.',
    ru: 'В этом чате уже идёт раунд.',
  },
} satisfies Record<string, LocalizedText>;

export type StoreErrorCode = keyof typeof TEXTS;

/** A store failure that is safe to show as is; `render(lang)` gives it in Russian. */
export class StoreError extends Error {
  /** `store.<key>`. */
  readonly code: `store.${StoreErrorCode}`;
  readonly params: MessageParams;
  readonly text: LocalizedText;

  constructor(key: StoreErrorCode, params: MessageParams = {}, options?: { cause?: unknown }) {
    super(formatTemplate(TEXTS[key].en, params), options);
    this.name = 'StoreError';
    this.code = `store.${key}`;
    this.params = params;
    this.text = TEXTS[key];
  }

  /** The message in the given language. */
  render(lang: Lang): string {
    return renderMessage(this, lang);
  }
}
