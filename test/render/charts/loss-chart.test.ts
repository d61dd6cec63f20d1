import { describe, expect, it } from 'vitest';
import { userErrorCode as codeOf } from '../../error-code.js';
import { logTickLabel, lossAxisRange, lossChartConfig, percentTickLabel } from '../../../src/render/charts/loss-chart.js';


describe('lossChartConfig', () => {
  it('draws 3 epochs with markers on whole-epoch ticks', () => {
    const cfg = lossChartConfig({ train: [1, 0.5, 0.25], validation: [1.1, 0.7, 0.5] }, 'en');
    const [train, val] = cfg.data.datasets;
    expect(train!.data.map((p) => [p.x, p.y])).toEqual([[1, 1], [2, 0.5], [3, 0.25]]);
    expect(val!.data.map((p) => p.y)).toEqual([1.1, 0.7, 0.5]);
    expect(train!.pointRadius).toBeGreaterThan(0);
    const x = cfg.options!.scales!.x!;
    expect([x.min, x.max]).toEqual([1, 3]);
    expect((x.ticks as { precision?: number }).precision).toBe(0);
    expect(cfg.options!.scales!.y1).toBeUndefined();
  });

  it('draws 3,000 epochs as plain lines, starting the loss axis at 0', () => {
    const train = Array.from({ length: 3000 }, (_, i) => 2 / (1 + i / 100));
    const cfg = lossChartConfig({ train }, 'en');
    expect(cfg.data.datasets[0]!.pointRadius).toBe(0);
    expect(cfg.data.datasets[0]!.data).toHaveLength(3000);
    const y = cfg.options!.scales!.y!;
    expect(y.min).toBe(0);
    expect(y.max as number).toBeGreaterThanOrEqual(2);
  });

  it('puts accuracy on a second axis from 0 to 100 %', () => {
    const cfg = lossChartConfig({ train: [1, 0.5], accuracy: [0.5, 0.9], validationAccuracy: [0.4, 0.8] }, 'ru');
    const acc = cfg.data.datasets.filter((d) => d.yAxisID === 'y1');
    expect(acc.map((d) => d.label)).toEqual(['доля верных (обучение)', 'доля верных (валидация)']);
    const y1 = cfg.options!.scales!.y1!;
    expect([y1.min, y1.max, y1.position]).toEqual([0, 1, 'right']);
  });

  it('uses a log axis on request; non-positive losses become gaps', () => {
    const cfg = lossChartConfig({ train: [1, 0.1, 0, 0.001], logScale: true }, 'en');
    expect(cfg.options!.scales!.y!.type).toBe('logarithmic');
    expect(cfg.data.datasets[0]!.data.map((p) => p.y)).toEqual([1, 0.1, null, 0.001]);
    expect(['1', '2', '5', '0.2', '0.05']).toEqual([1, 2, 5, 0.2, 0.05].map((v) => logTickLabel(v)));
    expect([3, 0.7, 40, 1.5, 0.15].map((v) => logTickLabel(v))).toEqual(['', '', '', '', '']);
  });

  it('keeps one early spike from flattening the curve', () => {
    const train = [500, ...Array.from({ length: 200 }, (_, i) => 1 - i / 400)];
    const y = lossChartConfig({ train }, 'en').options!.scales!.y!;
    expect(y.max as number).toBeLessThan(5);
  });

  it('keeps the whole curve, the first epoch included, unless an outlier dwarfs it', () => {
    // A real run (moons): the first epoch is well above the rest but belongs on the chart.
    const train = [0.6958, 0.3311, 0.2563, ...Array.from({ length: 140 }, (_, i) => 0.24 - i * 0.0014)];
    const validation = [0.4549, 0.3, 0.27, ...Array.from({ length: 140 }, (_, i) => 0.3 - i * 0.0014)];
    const y = lossChartConfig({ train, validation }, 'en').options!.scales!.y!;
    expect(y.min).toBe(0);
    expect(y.max as number).toBeGreaterThanOrEqual(0.6958);
    expect(y.max as number).toBeLessThanOrEqual(1);
    expect(lossAxisRange([2.3, 1.2, 0.8, 0.5, 0.4, 0.35, 0.3])).toEqual([0, 2.5]);
    // One value 500 times the rest is cut off instead.
    expect(lossAxisRange([500, ...Array.from({ length: 100 }, () => 1)])[1]).toBeLessThan(5);
  });

  it('titles the axes with capitals, in the terms of the training texts', () => {
    const data = { train: [1, 0.5], validation: [1.1, 0.6], validationAccuracy: [0.5, 0.9] };
    const titles = (lang: 'en' | 'ru') => {
      const { x, y, y1 } = lossChartConfig(data, lang).options!.scales!;
      return [x, y, y1].map((a) => (a!.title as { text: string }).text);
    };
    expect(titles('en')).toEqual(['Epoch', 'Loss', 'Accuracy']);
    expect(titles('ru')).toEqual(['Эпоха', 'Ошибка (функция потерь)', 'Доля верных ответов']);
    const labels = lossChartConfig(data, 'ru').data.datasets.map((d) => d.label);
    expect(labels).toEqual(['ошибка (обучение)', 'ошибка (валидация)', 'доля верных (валидация)']);
  });

  it('writes Russian ticks with a decimal comma and a space before %', () => {
    const cfg = lossChartConfig({ train: [1, 0.5], validationAccuracy: [0.5, 0.9] }, 'ru');
    const { y, y1 } = cfg.options!.scales!;
    expect((y!.ticks!.callback as (v: number) => string)(0.25)).toBe('0,25');
    expect((y1!.ticks!.callback as (v: number) => string)(0.5)).toBe('50\u00a0%');
    expect(cfg.options!.locale).toBe('ru-RU');
    expect([percentTickLabel(0.5), percentTickLabel(1), percentTickLabel(0.125, 'ru')]).toEqual(['50%', '100%', '12,5\u00a0%']);
    expect(logTickLabel(0.2, 'ru')).toBe('0,2');
  });

  it('rejects empty and mismatched data', () => {
    expect(codeOf(() => lossChartConfig({ train: [] }, 'en'))).toBe('render.loss_empty');
    expect(codeOf(() => lossChartConfig({ train: [1, 2], validation: [1] }, 'en'))).toBe('render.loss_mismatch');
  });
});
