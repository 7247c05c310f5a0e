// Reads the captured interview (tests/fixtures/interview.txt) into Tian
// Yuandong's answers, following the page's conventions: "田渊栋:" opens an
// answer, "甲小姐:" a question, an unprefixed paragraph continues the previous
// speaker, and a section title ("1.谈趋势:…") plus the pull quote after it
// belong to no one, as does everything from the page's counters on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ParsedAnswer {
  question: string;
  text: string;
}

const HIS = /^田渊栋[:：]/;
const HOST = /^甲小姐[:：]/;
const SECTION = /^\d\.谈/;
const COUNTERS = /^•/;

export function readInterview(): string {
  return readFileSync(join(import.meta.dirname, '../fixtures/interview.txt'), 'utf8');
}

export function parseAnswers(text: string): ParsedAnswer[] {
  const answers: ParsedAnswer[] = [];
  let speaker: 'him' | 'host' | null = null;
  let question = '';
  let current: string[] | null = null;
  const flush = () => {
    if (current) answers.push({ question, text: current.join('\n') });
    current = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    // The like/comment counters close the article; what follows is page chrome.
    if (SECTION.test(line) || COUNTERS.test(line)) {
      flush();
      speaker = null;
    } else if (HOST.test(line)) {
      flush();
      speaker = 'host';
      question = line.replace(HOST, '');
    } else if (HIS.test(line)) {
      flush();
      speaker = 'him';
      current = [line.replace(HIS, '')];
    } else if (speaker === 'him' && current) {
      current.push(line);
    } else if (speaker === 'host') {
      question += `\n${line}`;
    }
  }
  flush();
  return answers;
}

/** Words only: punctuation, symbols and spaces removed, so fixed punctuation compares equal. */
export function wordsOnly(text: string): string {
  return text.replace(/[\p{P}\p{S}\s]/gu, '');
}
