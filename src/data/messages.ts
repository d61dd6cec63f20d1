/**
 * Every message CSV ingest can show, in English and Russian. Codes are `csv.<key>`. User data
 * (names, cells) always travels as params, so formatTemplate truncates it to 100 characters.
 */
import { defineMessages, formatTemplate, type Lang, type LocalizedMessage, type MessageParams } from '../core/errors.js';

const SAVE_AS_EN = 'In Excel or LibreOffice: File > Save As > "CSV UTF-8 (comma delimited)", then send that file.';
const SAVE_AS_RU = 'В Excel или LibreOffice: Файл > Сохранить как > «CSV UTF-8 (разделитель — запятая)», и пришлите этот файл.';

/** The `csv.*` messages: `msg.error(key, params)` throws-ready, `msg.warning(key, params)` plain data. */
export const msg = defineMessages('csv', {
  // --- the file as a whole -------------------------------------------------------------
  file_too_large: {
    en: 'The file is {size}, more than the limit of {limit}. Send a smaller sample of the rows.',
    ru: 'Файл весит {size}, а предел — {limit}. Пришлите часть строк поменьше.',
  },
  empty_file: {
    en: 'The file is empty. Send a CSV with a header line and data rows.',
    ru: 'Файл пустой. Пришлите CSV со строкой заголовков и строками данных.',
  },
  binary_png: {
    en: `This looks like a PNG image, not a CSV table. ${SAVE_AS_EN}`,
    ru: `Это похоже на картинку PNG, а не на таблицу CSV. ${SAVE_AS_RU}`,
  },
  binary_jpeg: {
    en: `This looks like a JPEG photo, not a CSV table. ${SAVE_AS_EN}`,
    ru: `Это похоже на фотографию JPEG, а не на таблицу CSV. ${SAVE_AS_RU}`,
  },
  binary_gif: {
    en: `This looks like a GIF image, not a CSV table. ${SAVE_AS_EN}`,
    ru: `Это похоже на картинку GIF, а не на таблицу CSV. ${SAVE_AS_RU}`,
  },
  binary_pdf: {
    en: `This looks like a PDF document, not a CSV table. Export the table itself: ${SAVE_AS_EN}`,
    ru: `Это похоже на документ PDF, а не на таблицу CSV. Выгрузите саму таблицу: ${SAVE_AS_RU}`,
  },
  binary_gzip: {
    en: 'This looks like a GZIP archive. Unpack it and send the CSV file inside.',
    ru: 'Это похоже на архив GZIP. Распакуйте его и пришлите CSV-файл из него.',
  },
  binary_zip: {
    en: 'This looks like a ZIP archive. Unpack it and send the CSV file inside.',
    ru: 'Это похоже на архив ZIP. Распакуйте его и пришлите CSV-файл из него.',
  },
  binary_xlsx: {
    en: `This looks like an Excel workbook (.xlsx), not a CSV. ${SAVE_AS_EN}`,
    ru: `Это похоже на книгу Excel (.xlsx), а не на CSV. ${SAVE_AS_RU}`,
  },
  binary_xls: {
    en: `This looks like an old Excel workbook (.xls), not a CSV. ${SAVE_AS_EN}`,
    ru: `Это похоже на старую книгу Excel (.xls), а не на CSV. ${SAVE_AS_RU}`,
  },
  binary_ods: {
    en: `This looks like a LibreOffice spreadsheet (.ods), not a CSV. ${SAVE_AS_EN}`,
    ru: `Это похоже на таблицу LibreOffice (.ods), а не на CSV. ${SAVE_AS_RU}`,
  },
  binary_nul: {
    en: `This looks like a binary file (a zero byte at position {offset}), not CSV text. ${SAVE_AS_EN}`,
    ru: `Это похоже на двоичный файл (нулевой байт в позиции {offset}), а не на текст CSV. ${SAVE_AS_RU}`,
  },
  html_file: {
    en: 'This looks like a web page (HTML), not a CSV: perhaps a download link saved its landing page. Download the CSV file itself and send it.',
    ru: 'Это похоже на веб-страницу (HTML), а не на CSV: возможно, вместо файла сохранилась страница со ссылкой. Скачайте сам CSV-файл и пришлите его.',
  },
  json_file: {
    en: 'This looks like a JSON document, not a CSV table. Convert it to CSV (one row per record, one column per field) and send that.',
    ru: 'Это похоже на документ JSON, а не на таблицу CSV. Преобразуйте его в CSV (строка на запись, столбец на поле) и пришлите.',
  },
  not_utf8: {
    en: `The file is not UTF-8 text and its encoding could not be recognised with confidence. ${SAVE_AS_EN}`,
    ru: `Файл не в кодировке UTF-8, и распознать его кодировку уверенно не удалось. ${SAVE_AS_RU}`,
  },
  guessed_encoding: {
    en: 'The file is not UTF-8; it was read as {encoding} (a guess). If the column names look wrong, save it as "CSV UTF-8".',
    ru: 'Файл не в UTF-8: похоже на {encoding}, так он и прочитан. Если названия столбцов выглядят странно, сохраните его как «CSV UTF-8».',
  },
  mojibake: {
    en: `The text is garbled (like "Ð¸Ð¼Ñ" instead of letters): the file was converted between encodings twice. Open the original file. ${SAVE_AS_EN}`,
    ru: `Текст искажён (вроде «Ð¸Ð¼Ñ» вместо букв): файл дважды перекодировали. Откройте исходный файл. ${SAVE_AS_RU}`,
  },
  // --- parsing ---------------------------------------------------------------------------
  line_too_long: {
    en: 'Line {line} is {length} characters long, more than the limit of {limit}. Is this really a CSV table?',
    ru: 'Строка {line} длиной {length} {length|символ|символа|символов}, а предел — {limit}. Это точно таблица CSV?',
  },
  quote_not_closed: {
    en: 'The quote that opens a cell on line {line} is never closed: add the closing " or remove the opening one.',
    ru: 'Кавычка, открывающая ячейку на строке {line}, не закрыта: добавьте закрывающую " или уберите открывающую.',
  },
  bad_closing_quote: {
    en: 'Line {line}: text follows a closing quote inside a cell. Inside quotes, write a quote as "" (two quotes).',
    ru: 'Строка {line}: после закрывающей кавычки в ячейке идёт текст. Внутри кавычек кавычку пишут как "" (две кавычки).',
  },
  parse_failed: {
    en: 'The CSV could not be read near line {line}. Check the quotes and delimiters there, or save the file again as "CSV UTF-8".',
    ru: 'Не удалось прочитать CSV около строки {line}. Проверьте там кавычки и разделители или сохраните файл заново как «CSV UTF-8».',
  },
  ragged_row: {
    en: 'Line {line} has {got} cells, but the first line has {expected}. Fix that row: a delimiter inside a cell needs quotes ("a, b"), and numbers with decimal commas (3,14) need ; as the delimiter.',
    ru: 'В строке {line} — {got} {got|ячейка|ячейки|ячеек}, а в первой строке — {expected}. Исправьте эту строку: разделитель внутри ячейки нужно взять в кавычки ("a, b"), а для чисел с десятичной запятой (3,14) разделителем должна быть ;.',
  },
  title_rows_skipped: {
    en: 'The first {count} {count|line looks|lines look} like a title, not the table, and {count|was|were} skipped; the header was taken from the line after line {line}.',
    ru: 'В начале файла {count} {count|строка похожа|строки похожи|строк похожи} на заголовок отчёта, а не на таблицу, и {count|пропущена|пропущены|пропущены}; названия столбцов взяты из строки после строки {line}.',
  },
  short_rows: {
    en: '{count} {count|row has|rows have} fewer than {expected} cells (first at line {line}); the missing cells were treated as empty.',
    ru: 'В {count} {count|строке|строках|строках} меньше {expected} {expected|ячейки|ячеек|ячеек} (первая — строка {line}); недостающие ячейки считаются пустыми.',
  },
  cell_too_long: {
    en: 'Line {line}, column {column}: the cell has {length} characters, more than the limit of {limit}. Long texts cannot be used as features; remove that column.',
    ru: 'Строка {line}, столбец {column}: в ячейке {length} {length|символ|символа|символов}, а предел — {limit}. Длинные тексты нельзя использовать как признаки; удалите этот столбец.',
  },
  too_many_rows: {
    en: 'The file has more than {limit} data rows, the limit. Send a random sample of at most {limit} rows.',
    ru: 'В файле больше {limit} {limit|строки|строк|строк} данных — это предел. Пришлите случайную выборку не более чем из {limit} {limit|строки|строк|строк}.',
  },
  header_only: {
    en: 'The file has a header line but no data rows. Add rows below the header.',
    ru: 'В файле есть строка заголовков, но нет строк данных. Добавьте строки под заголовком.',
  },
  one_column: {
    en: 'The file has only one column ("{name}"), so there is nothing to predict it from. If it should have more, check the delimiter (comma, semicolon, tab or |).',
    ru: 'В файле только один столбец («{name}»), предсказывать его не по чему. Если столбцов должно быть больше, проверьте разделитель (запятая, точка с запятой, табуляция или |).',
  },
  // --- header ----------------------------------------------------------------------------
  no_header: {
    en: 'The first line looks like data, not column names, so the columns were named {example}... Add a header line to use your own names.',
    ru: 'Первая строка похожа на данные, а не на названия столбцов, поэтому столбцы названы {example}... Добавьте строку заголовков, чтобы задать свои названия.',
  },
  empty_names: {
    en: '{count} {count|column|columns} had no name (columns {columns}); {count|it was|they were} named column_N after {count|its|their} position.',
    ru: 'У {count} {count|столбца|столбцов|столбцов} не было названия (столбцы {columns}); {count|он назван|они названы|они названы} column_N по номеру.',
  },
  duplicate_name: {
    en: 'Column {column} repeats the name "{name}"; it was renamed "{renamed}" (the columns were not merged).',
    ru: 'Столбец {column} повторяет название «{name}»; он переименован в «{renamed}» (столбцы не объединялись).',
  },
  // --- target ----------------------------------------------------------------------------
  target_not_found: {
    en: 'There is no column "{target}". The columns are: {columns}. Give the target by name or by number (1 = first column).',
    ru: 'Столбца «{target}» нет. Есть столбцы: {columns}. Укажите целевой столбец по названию или по номеру (1 — первый столбец).',
  },
  target_index_out_of_range: {
    en: 'Target column number {index} does not exist: the file has {count} {count|column|columns} (numbered from 1).',
    ru: 'Целевого столбца с номером {index} нет: в файле {count} {count|столбец|столбца|столбцов} (нумерация с 1).',
  },
  target_guessed: {
    en: 'No target was given and no column is named target, label, class or y, so the last column "{target}" is predicted. Choose another with the target option.',
    ru: 'Целевой столбец не указан, и ни один не называется target, label, class или y, поэтому предсказывается последний столбец «{target}». Другой можно выбрать параметром target.',
  },
  target_not_numeric: {
    en: 'Regression needs a numeric target, but "{target}" holds text such as "{example}". Use classification, or choose a numeric target.',
    ru: 'Для регрессии нужен числовой целевой столбец, а в «{target}» есть текст, например «{example}». Выберите классификацию или другой целевой столбец.',
  },
  target_all_missing: {
    en: 'The target column "{target}" has no values. Choose a column that holds the answers to predict.',
    ru: 'В целевом столбце «{target}» нет значений. Выберите столбец, где записаны ответы, которые нужно предсказывать.',
  },
  target_missing_rows: {
    en: '{count} {count|row has|rows have} no value in the target "{target}" and {count|was|were} dropped (lines {lines}).',
    ru: '{count} {count|строка|строки|строк} без значения в целевом столбце «{target}» {count|отброшена|отброшены|отброшены} (строки {lines}).',
  },
  task_classification_guess: {
    en: 'The target "{target}" has only {distinct} distinct whole-number values, so it is treated as classes (classification). Force regression if they are amounts.',
    ru: 'В целевом столбце «{target}» всего {distinct} {distinct|разное целое значение|разных целых значения|разных целых значений}, поэтому это классы (классификация). Если это величины, выберите регрессию явно.',
  },
  task_regression_guess: {
    en: 'The target "{target}" is numeric with {distinct} distinct values, so it is predicted as a number (regression). Force classification if they are class codes.',
    ru: 'Целевой столбец «{target}» числовой, в нём {distinct} {distinct|разное значение|разных значения|разных значений}, поэтому предсказывается число (регрессия). Если это коды классов, выберите классификацию явно.',
  },
  single_class: {
    en: 'Every row has the same target value "{value}" in "{target}": there is nothing to learn. Include rows of at least two classes.',
    ru: 'Во всех строках целевой столбец «{target}» равен «{value}»: учиться нечему. Добавьте строки хотя бы двух классов.',
  },
  too_many_classes: {
    en: 'The target "{target}" has {count} classes, more than the limit of {limit}. If it is a quantity, use regression; otherwise merge rare classes.',
    ru: 'В целевом столбце «{target}» {count} {count|класс|класса|классов}, а предел — {limit}. Если это величина, выберите регрессию; иначе объедините редкие классы.',
  },
  too_few_per_class: {
    en: 'Class "{className}" of "{target}" has only {count} {count|row|rows}; at least {limit} per class are needed to split into training, validation and test sets. Add rows or remove that class.',
    ru: 'У класса «{className}» в «{target}» всего {count} {count|строка|строки|строк}; для разбиения на обучающую, проверочную и тестовую части нужно не меньше {limit} на класс. Добавьте строки или уберите этот класс.',
  },
  too_few_rows: {
    en: 'Only {count} usable {count|row remains|rows remain}, fewer than the minimum of {limit}. Add more rows.',
    ru: 'Пригодных строк осталось всего {count}, а нужно не меньше {limit}. Добавьте ещё строк.',
  },
  // --- columns ---------------------------------------------------------------------------
  decimal_comma: {
    en: 'Decimal commas were read as decimal points in: {columns} (e.g. 3,14 = 3.14).',
    ru: 'Запятая в числах прочитана как десятичный разделитель в столбцах: {columns} (3,14 — это три целых четырнадцать сотых).',
  },
  non_numeric_cells: {
    en: 'Column "{column}" is numeric, but {count} {count|cell is not a number|cells are not numbers} (first at line {line}: "{example}"); {count|it was|they were} treated as missing.',
    ru: 'Столбец «{column}» числовой, но в {count} {count|ячейке|ячейках|ячейках} не число (первая — строка {line}: «{example}»); такие ячейки считаются пропусками.',
  },
  infinite_values: {
    en: '{count} infinite {count|value|values} (inf, 1e999...) {count|was|were} treated as missing in: {columns}.',
    ru: '{count} {count|бесконечное значение|бесконечных значения|бесконечных значений} (inf, 1e999...) {count|считается пропуском|считаются пропусками|считаются пропусками} в столбцах: {columns}.',
  },
  missing_imputed: {
    en: '{count} missing {count|value|values} will be filled in (median for numbers, most frequent value for categories, computed on the training rows): {columns}.',
    ru: '{count} {count|пропуск будет заполнен|пропуска будут заполнены|пропусков будут заполнены} (медианой для чисел, самым частым значением для категорий, по обучающим строкам): {columns}.',
  },
  missing_rows_dropped: {
    en: '{count} {count|row|rows} with missing values {count|was|were} dropped ({columns}).',
    ru: '{count} {count|строка|строки|строк} с пропусками {count|отброшена|отброшены|отброшены} ({columns}).',
  },
  column_dropped_empty: {
    en: 'Column "{column}" is empty and was ignored.',
    ru: 'Столбец «{column}» пустой и не используется.',
  },
  column_dropped_constant: {
    en: 'Column "{column}" has the same value "{value}" in every row, so it tells nothing; it was ignored.',
    ru: 'В столбце «{column}» во всех строках одно значение «{value}», оно ничего не сообщает; столбец не используется.',
  },
  column_dropped_id: {
    en: 'Column "{column}" looks like an identifier (a different value in every row) and was ignored: it cannot generalise to new rows.',
    ru: 'Столбец «{column}» похож на идентификатор (в каждой строке своё значение) и не используется: по нему нельзя обобщать на новые строки.',
  },
  column_dropped_free_text: {
    en: 'Column "{column}" holds free text ({distinct} different values) and was ignored: this network takes numbers and short categories.',
    ru: 'В столбце «{column}» свободный текст ({distinct} {distinct|разное значение|разных значения|разных значений}), он не используется: эта сеть принимает числа и короткие категории.',
  },
  column_dropped_date: {
    en: 'Column "{column}" holds dates ({distinct} different values) and was ignored. To use it, turn it into numbers first (e.g. year, month, day of week).',
    ru: 'В столбце «{column}» даты ({distinct} {distinct|разное значение|разных значения|разных значений}), он не используется. Чтобы его использовать, сначала превратите даты в числа (год, месяц, день недели).',
  },
  column_dropped_levels: {
    en: 'Column "{column}" has {distinct} different categories, more than the limit of {limit}, and was ignored. Group rare values into "other" to use it.',
    ru: 'В столбце «{column}» {distinct} {distinct|разная категория|разные категории|разных категорий}, больше предела {limit}, и он не используется. Объедините редкие значения в «другое», чтобы его использовать.',
  },
  no_features: {
    en: 'No usable input columns are left besides the target "{target}" (ignored: {dropped}). Add numeric or short categorical columns.',
    ru: 'Кроме целевого «{target}», не осталось пригодных входных столбцов (не используются: {dropped}). Добавьте числовые или короткие категориальные столбцы.',
  },
  too_many_columns: {
    en: 'After encoding categories there would be {count} input columns, more than the limit of {limit}. Remove columns or merge rare categories.',
    ru: 'После кодирования категорий получится {count} {count|входной столбец|входных столбца|входных столбцов}, а предел — {limit}. Удалите столбцы или объедините редкие категории.',
  },
  schema_missing_column: {
    en: 'The file has no column "{column}", which the model was trained on. Use the same columns as the training file.',
    ru: 'В файле нет столбца «{column}», на котором обучалась модель. Используйте те же столбцы, что и в обучающем файле.',
  },
  // --- predictions -----------------------------------------------------------------------
  predict_empty: {
    en: 'Give the input values separated by commas, in this order: {names}.',
    ru: 'Укажите входные значения через запятую в таком порядке: {names}.',
  },
  predict_wrong_count: {
    en: 'Expected {expected} {expected|value|values} ({names}), got {got}.',
    ru: 'Нужно {expected} {expected|значение|значения|значений} ({names}), а получено {got}.',
  },
  predict_not_number: {
    en: 'Value {position} ("{value}") for "{column}" must be a number.',
    ru: 'Значение {position} («{value}») для «{column}» должно быть числом.',
  },
  predict_unknown_level: {
    en: 'Value {position} ("{value}") for "{column}" is not a category the model knows. Known: {levels}.',
    ru: 'Значение {position} («{value}») для «{column}» — незнакомая модели категория. Известные: {levels}.',
  },
  model_invalid: {
    en: 'The saved preprocessing is damaged or from another version ({detail}). Train the model again.',
    ru: 'Сохранённая предобработка повреждена или от другой версии ({detail}). Обучите модель заново.',
  },
});

/** The message keys, for tests and docs. */
export type CsvMessageKey = keyof typeof msg.texts;

/**
 * A message whose values read differently in each language (a size in MB or МБ, an encoding
 * called "Cyrillic" or «кириллица»): each language's template is filled with its own values
 * here, so the message stays plain data that any door renders later. `params` keep the
 * English values (for logs and JSON).
 */
export function withValuesPerLanguage(key: CsvMessageKey, values: Record<Lang, MessageParams>): LocalizedMessage {
  const template = msg.texts[key];
  return {
    code: `csv.${key}`,
    params: values.en,
    text: { en: formatTemplate(template.en, values.en), ru: formatTemplate(template.ru, values.ru) },
  };
}

/** Display names of the encodings a file can be guessed to be in. */
const ENCODING_NAMES: Record<string, Record<Lang, string>> = {
  'utf-16le': { en: 'UTF-16 LE', ru: 'UTF-16 LE' },
  'utf-16be': { en: 'UTF-16 BE', ru: 'UTF-16 BE' },
  'windows-1251': { en: 'Windows-1251 (Cyrillic)', ru: 'Windows-1251 (кириллица)' },
  'koi8-r': { en: 'KOI8-R (Cyrillic)', ru: 'KOI8-R (кириллица)' },
  cp866: { en: 'CP866 (Cyrillic, DOS)', ru: 'CP866 (кириллица, DOS)' },
  'windows-1252': { en: 'Windows-1252 (Western European)', ru: 'Windows-1252 (западноевропейская)' },
};

/** The encoding's name for people in the language ("Windows-1251 (кириллица)"); unknown ids as they are. */
export function encodingName(encoding: string, lang: Lang): string {
  return ENCODING_NAMES[encoding]?.[lang] ?? encoding;
}

/** The `csv.guessed_encoding` warning, naming the encoding in each language. */
export function guessedEncodingWarning(encoding: string): LocalizedMessage {
  return withValuesPerLanguage('guessed_encoding', { en: { encoding: encodingName(encoding, 'en') }, ru: { encoding: encodingName(encoding, 'ru') } });
}
