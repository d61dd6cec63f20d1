/** Student-facing errors of the MLP core, in Russian and English (codes `nn.<key>`). */
import { defineMessages } from '../errors.js';

export const nnMessages = defineMessages('nn', {
  bad_size: {
    en: '{what} must be a whole number from 1 to {max}, got {value}.',
    ru: '{what}: нужно целое число от 1 до {max}, получено {value}.',
  },
  bad_hidden: {
    en: 'Hidden layer {index} must have from 1 to {max} {max|unit|units}, got {value}. Example: --hidden 32,16.',
    ru: 'Скрытый слой {index} должен иметь от 1 до {max} {max|нейрона|нейронов|нейронов}, получено {value}. Пример: --hidden 32,16.',
  },
  too_many_layers: {
    en: 'At most {max} {max|hidden layer is|hidden layers are} allowed, got {value}.',
    ru: 'Допускается не больше {max} {max|скрытого слоя|скрытых слоёв|скрытых слоёв}, получено {value}.',
  },
  too_many_parameters: {
    en: 'This network would have {count} {count|parameter|parameters}; the limit is {max}. Use fewer or smaller hidden layers.',
    ru: 'У такой сети было бы {count} {count|параметр|параметра|параметров}, а допустимо не больше {max}. Уменьшите число или размер скрытых слоёв.',
  },
  bad_seed: {
    en: 'The seed must be a whole number or a text, got {value}.',
    ru: 'Зерно (seed) должно быть целым числом или строкой, получено {value}.',
  },
  bad_init: {
    en: 'Unknown initialisation "{value}". Use he or xavier.',
    ru: 'Неизвестная инициализация «{value}». Используйте he или xavier.',
  },
  bad_loss: {
    en: 'Unknown loss "{value}". Use mse, bce_logits or softmax_ce.',
    ru: 'Неизвестная функция потерь «{value}». Используйте mse, bce_logits или softmax_ce.',
  },
  bad_optimizer: {
    en: 'Unknown optimizer "{value}". Use sgd, momentum or adam.',
    ru: 'Неизвестный оптимизатор «{value}». Используйте sgd, momentum или adam.',
  },
  bad_number: {
    en: '{what} must be a number {range}, got {value}.',
    ru: '{what}: нужно число {range}, получено {value}.',
  },
  softmax_needs_classes: {
    en: 'Softmax cross-entropy needs at least 2 outputs (one per class), the network has {outputs}.',
    ru: 'Для перекрёстной энтропии с softmax нужно не меньше 2 выходов (по одному на класс), а у сети {outputs}.',
  },
  input_width: {
    en: 'The network expects {expected} input {expected|feature|features} per row, the data has {actual}.',
    ru: 'Сеть ожидает {expected} {expected|признак|признака|признаков} в строке, а в данных их {actual}.',
  },
  no_rows: {
    en: 'There are no rows to train on.',
    ru: 'Нет строк для обучения.',
  },
  target_rows: {
    en: 'The data has {rows} {rows|row|rows} but {targets} {targets|target|targets}.',
    ru: 'В данных {rows} {rows|строка|строки|строк}, а целевых значений {targets}.',
  },
  target_kind: {
    en: 'The loss {loss} needs {expected} as targets.',
    ru: 'Функции потерь {loss} нужны целевые значения вида: {expected}.',
  },
  bad_label: {
    en: 'Row {row}: class label {label} is outside 0..{max}.',
    ru: 'Строка {row}: метка класса {label} вне диапазона 0..{max}.',
  },
  not_finite: {
    en: 'Row {row}, column {col}: the value is not a finite number ({value}). Remove or fill missing values first.',
    ru: 'Строка {row}, столбец {col}: значение не является конечным числом ({value}). Сначала удалите или заполните пропуски.',
  },
  diverged: {
    en: 'Training diverged at epoch {epoch}: the loss became {value}. Try a smaller learning rate (now {lr}).',
    ru: 'Обучение разошлось на эпохе {epoch}: потери стали {value}. Попробуйте меньшую скорость обучения (сейчас {lr}).',
  },
  bad_model: {
    en: 'This is not a valid gradbot model file: {reason}.',
    ru: 'Это не файл модели gradbot: {reason}.',
  },
  weights_shape: {
    en: 'Weights do not fit this network: parameter {index} needs {expected} {expected|value|values}, got {actual}.',
    ru: 'Веса не подходят к этой сети: параметру {index} нужно {expected} {expected|значение|значения|значений}, получено {actual}.',
  },
});
