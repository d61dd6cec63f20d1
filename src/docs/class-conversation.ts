/**
 * The short class conversation the README's chat screenshot shows: two students in the class
 * group, a plot, a backprop question with its picture and an answer the bot marks ✅. The
 * question is asked by its id so that every run shows the same question (a bare `/quiz
 * backprop` draws its seed from the clock).
 */
import type { Lang } from '../core/errors.js';
import { QUIZ_ID } from './chart-pictures.js';

/** One message a student types. */
export interface ChatStep {
  /** The student's name as added in the page's sidebar. */
  student: string;
  text: string;
  /** Answer by replying (↩) to the bot's latest message that has a picture, as in a group chat. */
  replyToQuestion?: boolean;
  /** How many bot messages this step brings (the script waits for them). */
  replies: number;
}

/** A conversation in one language. */
export interface Conversation {
  lang: Lang;
  students: [string, string];
  steps: ChatStep[];
  /** Whose page is photographed (their own messages are on the right). */
  viewer: string;
  /**
   * What the picture shows: from the message of step `from` down to the first reply to step
   * `through` (0-based steps). The whole conversation is taller than one screen.
   */
  frame: { from: number; through: number };
}

const QUESTION = `${QUIZ_ID.topic}:${QUIZ_ID.seed}:${QUIZ_ID.difficulty}`;

/** ∂f/∂w1 of the question: e^(w0 + w1·x) · x = e^0 · 3. */
const ANSWER = '3';

/** The conversation in Russian (the course's language) and in English. */
export const CONVERSATIONS: Readonly<Record<Lang, Conversation>> = {
  ru: {
    lang: 'ru',
    students: ['Аня', 'Миша'],
    steps: [
      { student: 'Аня', text: '/plot relu', replies: 1 },
      { student: 'Миша', text: `/quiz ${QUESTION}`, replies: 1 },
      { student: 'Аня', text: ANSWER, replyToQuestion: true, replies: 1 },
    ],
    viewer: 'Аня',
    frame: { from: 1, through: 2 },
  },
  en: {
    lang: 'en',
    students: ['Alice', 'Bob'],
    steps: [
      { student: 'Alice', text: '/plot relu', replies: 1 },
      { student: 'Bob', text: `/quiz ${QUESTION}`, replies: 1 },
      { student: 'Alice', text: ANSWER, replyToQuestion: true, replies: 1 },
    ],
    viewer: 'Alice',
    frame: { from: 1, through: 2 },
  },
};
