/** Every student-visible error of the picture module, in Russian and English. */
import { defineMessages } from '../core/errors.js';

/** Limits of one picture request (also shown in the messages). */
export const LIMITS = {
  /** Functions in one comparison chart: more lines than this cannot be told apart. */
  maxFunctions: 8,
  /** |from|, |to| of a plot range. */
  maxAbsRange: 1000,
  /** Characters of one expression. */
  maxExpressionLength: 200,
  /** Epochs on a loss chart. */
  maxEpochs: 100_000,
  /** Classes on a decision boundary or confusion matrix. */
  maxClasses: 8,
  /** Cells of a decision-boundary grid. */
  maxGridCells: 250_000,
  /** Nodes of a computation-graph picture. */
  maxGraphNodes: 60,
  /** Picture side in pixels. */
  minSide: 200,
  maxSide: 2000,
} as const;

export const renderMsg = defineMessages('render', {
  no_functions: {
    en: 'Nothing to plot. Give an activation id or an expression in x, e.g. "relu" or "x^3 - 2*x".',
    ru: 'Нечего рисовать. Укажите функцию активации или выражение от x, например «relu» или «x^3 - 2*x».',
  },
  too_many_functions: {
    en: 'Too many functions in one chart: {count}. At most {max} fit; split them into several charts.',
    ru: 'Слишком много функций на одном графике: {count}. Помещается не больше {max}; разбейте их на несколько графиков.',
  },
  empty_item: {
    en: 'Function #{index} in the list is empty. Separate functions with single commas: "relu,gelu".',
    ru: 'Функция №{index} в списке пустая. Разделяйте функции одной запятой: «relu,gelu».',
  },
  expression_too_long: {
    en: 'The expression is {length} characters long; at most {max} are allowed. Shorten it.',
    ru: 'Выражение длиной {length} {length|символ|символа|символов}; допускается не больше {max}. Сократите его.',
  },
  expression_variables: {
    en: 'A plot is a function of x only, but "{expr}" uses {names}. Replace them with numbers.',
    ru: 'График строится только по x, а в «{expr}» есть {names}. Замените их числами.',
  },
  range_not_finite: {
    en: 'The plot range must be two numbers, got from={from}, to={to}.',
    ru: 'Диапазон графика задаётся двумя числами, а получено from={from}, to={to}.',
  },
  range_empty: {
    en: 'The plot range is empty: from={from} is not less than to={to}. Give --from smaller than --to.',
    ru: 'Диапазон графика пуст: from={from} не меньше to={to}. Задайте --from меньше, чем --to.',
  },
  range_too_wide: {
    en: 'The plot range [{from}, {to}] leaves [-{max}, {max}]. Choose ends within it.',
    ru: 'Диапазон [{from}, {to}] выходит за [−{max}, {max}]. Выберите концы внутри него.',
  },
  nothing_defined: {
    en: '"{expr}" is undefined everywhere on [{from}, {to}]; try another range.',
    ru: '«{expr}» нигде не определено на [{from}, {to}]; попробуйте другой диапазон.',
  },
  bad_size: {
    en: 'Picture size {width}x{height} is not allowed; each side must be a whole number from {min} to {max} pixels.',
    ru: 'Размер картинки {width}x{height} недопустим: каждая сторона от {min} до {max} пикселей, целым числом.',
  },
  loss_empty: {
    en: 'There are no epochs to draw: the training loss list is empty.',
    ru: 'Нечего рисовать: список значений ошибки на обучении пуст.',
  },
  loss_too_long: {
    en: 'The loss list has {count} epochs; at most {max} can be drawn.',
    ru: 'В списке значений ошибки {count} {count|эпоха|эпохи|эпох}; нарисовать можно не больше {max}.',
  },
  loss_mismatch: {
    en: 'The "{series}" list has {count} entries but there are {epochs} epochs; give one value per epoch.',
    ru: 'В списке «{series}» {count} {count|значение|значения|значений}, а эпох {epochs}; нужно по одному значению на эпоху.',
  },
  grid_shape: {
    en: 'The decision-boundary grid has {cells} cells but {xs} x {ys} = {expected} were expected.',
    ru: 'В сетке границы решений {cells} {cells|ячейка|ячейки|ячеек}, а ожидалось {xs} × {ys} = {expected}.',
  },
  grid_too_large: {
    en: 'The decision-boundary grid is too fine: {cells} cells, at most {max}.',
    ru: 'Сетка границы решений слишком мелкая: {cells} {cells|ячейка|ячейки|ячеек}, допускается не больше {max}.',
  },
  grid_axis: {
    en: 'The decision-boundary grid needs at least 2 increasing {axis} coordinates.',
    ru: 'Сетке границы решений нужно хотя бы 2 возрастающие координаты по {axis}.',
  },
  bad_classes: {
    en: 'There are {count} classes; a picture shows 1 to {max}.',
    ru: 'Классов {count}; на картинке можно показать от 1 до {max}.',
  },
  bad_class_index: {
    en: 'Class index {index} is not one of the {count} classes (0..{last}).',
    ru: 'Номер класса {index} вне допустимых 0..{last} (всего {count} {count|класс|класса|классов}).',
  },
  confusion_shape: {
    en: 'A confusion matrix for {count} labels needs {count} rows of {count} non-negative whole counts.',
    ru: 'Матрица ошибок для меток ({count}) должна быть таблицей {count} × {count} из неотрицательных целых чисел.',
  },
  graph_empty: {
    en: 'The computation graph has no nodes.',
    ru: 'В вычислительном графе нет вершин.',
  },
  graph_too_large: {
    en: 'The computation graph has {count} nodes; a readable picture holds at most {max}. Draw a smaller expression.',
    ru: 'В вычислительном графе {count} {count|вершина|вершины|вершин}; читаемая картинка вмещает не больше {max}. Возьмите выражение покороче.',
  },
  graph_bad_node: {
    en: 'Graph node {id} refers to node {input}, which does not come before it.',
    ru: 'Вершина графа {id} ссылается на вершину {input}, которой нет перед ней.',
  },
});
