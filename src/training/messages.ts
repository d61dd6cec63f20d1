/** Student-facing messages of the training feature (job options, results, predictions). */
import { defineMessages } from '../core/errors.js';

export const trainMsg = defineMessages('train', {
  bad_hidden: {
    en: 'Hidden layer sizes must be whole numbers from 1 to {max} separated by commas, at most {layers} layers (e.g. "32,16"); got "{value}".',
    ru: 'Размеры скрытых слоёв: целые числа от 1 до {max} через запятую, не больше {layers} слоёв (например «32,16»); получено «{value}».',
  },
  bad_number: {
    en: 'Option {option} must be {rule}; got {value}.',
    ru: 'Параметр {option} должен быть {rule_ru}; получено {value}.',
  },
  bad_task: {
    en: 'Task must be "classification" or "regression"; got "{value}".',
    ru: 'Задача должна быть «classification» (классификация) или «regression» (регрессия); получено «{value}».',
  },
  time_budget: {
    en: 'Training stopped after {epochs} {epochs|epoch|epochs} because it reached the time budget of {seconds} s; the best weights so far were kept. Fewer rows or a smaller network train further.',
    ru: 'Обучение остановлено после {epochs} {epochs|эпохи|эпох|эпох}: исчерпан бюджет времени {seconds} с; сохранены лучшие веса. С меньшим числом строк или сетью поменьше обучение пройдёт дальше.',
  },
  no_validation: {
    en: 'Too few rows for a validation split: early stopping watched the training loss instead, which can overfit.',
    ru: 'Слишком мало строк для валидационной выборки: ранняя остановка следила за ошибкой на обучении, а это может приводить к переобучению.',
  },
  diverged: {
    en: 'The loss became infinite or NaN at epoch {epoch} (learning rate {lr} is probably too high); the best weights before that were kept.',
    ru: 'Ошибка стала бесконечной или NaN на эпохе {epoch} (скорее всего, слишком большой шаг обучения {lr}); сохранены лучшие веса до этого.',
  },
  test_columns: {
    en: 'The test file lacks the column "{column}" that the model was trained on. Use a test file with the same columns as the training file.',
    ru: 'В тестовом файле нет столбца «{column}», на котором обучалась модель. Нужен тестовый файл с теми же столбцами, что и обучающий.',
  },
  unknown_class: {
    en: 'The test file has the class "{label}" in "{column}" that the training file does not have; those rows cannot be scored.',
    ru: 'В тестовом файле в столбце «{column}» есть класс «{label}», которого нет в обучающем; такие строки нельзя оценить.',
  },
  bad_model: {
    en: 'This is not a gradbot model file ({detail}). Save one with "gradbot train data.csv --save model.json".',
    ru: 'Это не файл модели gradbot ({detail}). Сохраните модель командой «gradbot train data.csv --save model.json».',
  },
});
