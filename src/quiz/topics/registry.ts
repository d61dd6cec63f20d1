/**
 * The quiz topics as one list, in the order of issue 5. Each topic module exports its topic
 * with its own id; the id list, the id type and the map by id are derived from this list, so
 * adding a topic is one module and one line here.
 */
import { backpropTopic } from './backprop.js';
import { gatesTopic } from './gates.js';
import { activationsTopic } from './activations.js';
import { chainTopic } from './chain.js';
import { softmaxTopic } from './softmax.js';
import { lossTopic } from './loss.js';
import { sgdTopic } from './sgd.js';
import { linearTopic } from './linear.js';
import { memoryTopic } from './memory.js';

/** Every topic, in the order menus and `quiz --list` show them. */
export const TOPIC_LIST = [backpropTopic, gatesTopic, activationsTopic, chainTopic, softmaxTopic, lossTopic, sgdTopic, linearTopic, memoryTopic] as const;

/** One quiz topic id. */
export type TopicId = (typeof TOPIC_LIST)[number]['id'];

/** The topic ids, in the list's order. */
export const TOPIC_IDS: readonly TopicId[] = TOPIC_LIST.map((topic) => topic.id);
