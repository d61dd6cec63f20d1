import { describe, expect, it } from 'vitest';
import { levenshtein, nearThreshold, NoveltyChecker } from '../../src/spells/novelty.js';
import { applyCaseStyle, detectCaseStyle } from '../../src/spells/case-style.js';

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('fire bolt', 'fire bolt')).toBe(0);
    expect(levenshtein('щит', 'щат')).toBe(1);
  });
  it('stops early above the limit with limit + 1', () => {
    expect(levenshtein('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
    expect(levenshtein('a', 'abcdef', 2)).toBe(3);
  });
});

describe('NoveltyChecker', () => {
  const c = new NoveltyChecker(['Fire Bolt', 'Aid', 'Antipathy/Sympathy', 'Wish']);

  it('copied = exact, ignoring case', () => {
    expect(c.check('fire bolt')).toEqual({ label: 'copied', closest: 'fire bolt', distance: 0 });
    expect(c.label('FIRE BOLT')).toBe('copied');
  });

  it('near = 1 edit up to 7 characters, 2 edits for longer names', () => {
    expect(nearThreshold(3)).toBe(1);
    expect(nearThreshold(7)).toBe(1);
    expect(nearThreshold(8)).toBe(2);
    expect(c.check('fire bold')).toMatchObject({ label: 'near', closest: 'fire bolt', distance: 1 });
    expect(c.label('fare bold')).toBe('near'); // 2 edits, 9 characters
    expect(c.label('aim')).toBe('near'); // 1 edit
    expect(c.label('wizh')).toBe('near');
    expect(c.label('wizz')).toBe('new'); // 2 edits on a 4-letter name
    expect(c.label('hold mouse')).toBe('new');
  });
});

describe('case style', () => {
  it('detects title case (D&D) and sentence case, and writes names back', () => {
    expect(detectCaseStyle(['Acid Arrow', 'Antipathy/Sympathy', "Arcanist's Magic Aura"])).toBe('title');
    expect(detectCaseStyle(['Cave inimicum', 'Salvio hexia', 'Accio', 'Protego totalum'])).toBe('sentence');
    expect(detectCaseStyle(['fire', 'ice storm', 'wind'])).toBe('lower');
    expect(applyCaseStyle("arcanist's magic/aura-x", 'title')).toBe("Arcanist's Magic/Aura-X");
    expect(applyCaseStyle('cave inimicum', 'sentence')).toBe('Cave inimicum');
    expect(applyCaseStyle('огненный шар', 'title')).toBe('Огненный Шар');
  });
});
