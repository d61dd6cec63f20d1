import { describe, expect, it } from 'vitest';
import { renderMsg } from '../../src/render/messages.js';

const ru = (key: keyof typeof renderMsg.texts, params: Record<string, number | string>) => renderMsg.error(key, params).render('ru');

describe('render messages in Russian', () => {
  it('put the plural form after every count', () => {
    expect(ru('grid_shape', { cells: 1, xs: 2, ys: 2, expected: 4 })).toBe('В сетке границы решений 1 ячейка, а ожидалось 2 × 2 = 4.');
    expect(ru('grid_shape', { cells: 3, xs: 2, ys: 2, expected: 4 })).toBe('В сетке границы решений 3 ячейки, а ожидалось 2 × 2 = 4.');
    expect(ru('loss_mismatch', { series: 'validation', count: 21, epochs: 20 })).toContain('В списке «validation» 21 значение, а эпох 20');
    expect(ru('graph_too_large', { count: 61, max: 60 })).toMatch(/^В вычислительном графе 61 вершина;/);
    expect(ru('expression_too_long', { length: 202, max: 200 })).toMatch(/^Выражение длиной 202 символа;/);
    expect(ru('bad_class_index', { index: 3, count: 2, last: 1 })).toBe('Номер класса 3 вне допустимых 0..1 (всего 2 класса).');
  });

  it('call the loss «ошибка», as the training texts and the loss chart do', () => {
    expect(ru('loss_empty', {})).toBe('Нечего рисовать: список значений ошибки на обучении пуст.');
    expect(ru('loss_too_long', { count: 100_001, max: 100_000 })).toContain('100001 эпоха;');
    for (const text of Object.values(renderMsg.texts)) expect(text.ru).not.toMatch(/потер/);
  });
});
