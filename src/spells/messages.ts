/** Student-facing messages of the spell generators, in English and Russian. */
import { defineMessages } from '../core/errors.js';

export const msg = defineMessages('spells', {
  unknown_dataset: {
    en: 'Unknown spell list "{name}". Use "dnd" (Dungeons & Dragons), "hp" (Harry Potter) or upload a .txt/.csv file with one name per line.',
    ru: 'Неизвестный список заклинаний «{name}». Используйте «dnd» (Dungeons & Dragons), «hp» (Гарри Поттер) или загрузите файл .txt/.csv с одним названием в строке.',
  },
  file_not_found: {
    en: 'Cannot read the file "{path}": it does not exist or is not readable.',
    ru: 'Не удалось прочитать файл «{path}»: его нет или он недоступен.',
  },
  file_too_large: {
    en: 'The file is {size} bytes; a name list may be at most {limit} bytes (20,000 names of up to 64 characters).',
    ru: 'Файл занимает {size} байт; список названий может быть не больше {limit} байт (20 000 названий до 64 символов).',
  },
  too_few_names: {
    en: 'The list has {count} different names; at least {min} are needed to train a model. Add more names, one per line.',
    ru: 'В списке {count} разных названий, а для обучения нужно не меньше {min}. Добавьте названия, по одному в строке.',
  },
  too_many_names: {
    en: 'The list has {count} names; at most {max} are allowed. Shorten the list.',
    ru: 'В списке {count} названий, а допускается не больше {max}. Сократите список.',
  },
  name_too_long: {
    en: 'Line {line}: the name "{name}" has {length} characters; at most {max} are allowed. Shorten it or remove the line.',
    ru: 'Строка {line}: название «{name}» длиной {length} символов, а допускается не больше {max}. Сократите его или удалите строку.',
  },
  control_char: {
    en: 'Line {line}: the name "{name}" contains an invisible control character. Remove it (retype the name).',
    ru: 'Строка {line}: в названии «{name}» есть невидимый управляющий символ. Удалите его (наберите название заново).',
  },
  too_many_chars: {
    en: 'The list uses {count} different characters; at most {max} are allowed. Is it really a list of names?',
    ru: 'В списке {count} разных символов, а допускается не больше {max}. Это точно список названий?',
  },
  csv_no_column: {
    en: 'The CSV file has no column "{column}". Its columns: {columns}.',
    ru: 'В CSV-файле нет столбца «{column}». Его столбцы: {columns}.',
  },
  csv_pick_column: {
    en: 'The CSV file has several columns ({columns}) and none is called "name". Say which column holds the names.',
    ru: 'В CSV-файле несколько столбцов ({columns}), и ни один не называется «name». Укажите, в каком столбце названия.',
  },
  csv_parse: {
    en: 'The CSV file could not be read: {detail}. Check the quotes on that line, or upload a .txt with one name per line.',
    ru: 'Не удалось прочитать CSV-файл: {detail}. Проверьте кавычки в этой строке или загрузите .txt с одним названием в строке.',
  },
  bad_count: {
    en: 'The number of names must be a whole number from 1 to {max}, got {value}.',
    ru: 'Число названий должно быть целым от 1 до {max}, а получено {value}.',
  },
  bad_temperature: {
    en: 'The temperature must be between 0.1 and 2.0, got {value}. Low values copy more, high values invent wilder names.',
    ru: 'Температура должна быть от 0,1 до 2,0, а получено {value}. Низкая больше копирует, высокая придумывает более дикие названия.',
  },
  bad_top_k: {
    en: 'top-k must be a whole number from 1 to {max} (or 0 for no limit), got {value}.',
    ru: 'top-k должно быть целым от 1 до {max} (или 0 — без ограничения), а получено {value}.',
  },
  bad_steps: {
    en: 'The number of training steps must be a whole number from 1 to {max}, got {value}.',
    ru: 'Число шагов обучения должно быть целым от 1 до {max}, а получено {value}.',
  },
  bad_seed: {
    en: 'The seed must be a whole number, got {value}.',
    ru: 'Зерно (seed) должно быть целым числом, а получено {value}.',
  },
  bad_max_length: {
    en: 'The maximum name length must be a whole number from 1 to {max}, got {value}.',
    ru: 'Максимальная длина названия должна быть целым числом от 1 до {max}, а получено {value}.',
  },
  game_choice: {
    en: 'Answer with the list label "A" or "B", got "{value}".',
    ru: 'Ответьте меткой списка «A» или «B», а получено «{value}».',
  },
  game_pick: {
    en: 'Pick names by their numbers from 1 to {max}; "{value}" is not one of them.',
    ru: 'Выбирайте названия по номерам от 1 до {max}; «{value}» — не из их числа.',
  },
});
