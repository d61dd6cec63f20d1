import { describe, expect, it } from 'vitest';
import { TOPIC_LIST, TOPIC_IDS as LIST_IDS } from '../../src/quiz/topics/registry.js';
import { TOPICS, TOPIC_IDS, generateQuestion, isTopicId } from '../../src/quiz/index.js';
import { sgdTopic } from '../../src/quiz/topics/sgd.js';

describe('the topic registry is one list', () => {
  it('keeps the order of issue 5, and the id list and map are derived from the list', () => {
    expect(TOPIC_IDS).toEqual(['backprop', 'gates', 'activations', 'chain', 'softmax', 'loss', 'sgd', 'linear', 'memory']);
    expect(LIST_IDS).toBe(TOPIC_IDS);
    expect(TOPIC_LIST.map((t) => t.id)).toEqual([...TOPIC_IDS]);
    expect(Object.keys(TOPICS)).toEqual([...TOPIC_IDS]);
    for (const topic of TOPIC_LIST) expect(TOPICS[topic.id]).toBe(topic);
    expect(TOPICS.sgd).toBe(sgdTopic);
    expect(sgdTopic.id).toBe('sgd');
  });

  it('each topic generates its own questions through the map', () => {
    for (const id of TOPIC_IDS) {
      expect(isTopicId(id)).toBe(true);
      expect(generateQuestion(id, 5, 2).topic).toBe(id);
    }
    expect(isTopicId('nope')).toBe(false);
  });
});
