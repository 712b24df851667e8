import { phraseRegExp } from '../text.js';
import type { Finding, Stage, StageInput } from '../types.js';

/**
 * Community word lists: block (reject), hold (review) and censor (replace with asterisks).
 * Matching is whole-word and case-insensitive; regexes are cached per list.
 */
export function wordListStage(): Stage {
  const cache = new Map<string, RegExp | null>();
  const regexFor = (list: string[]) => {
    const key = list.join('\u0000');
    if (!cache.has(key)) {
      if (cache.size > 1000) cache.clear();
      cache.set(key, phraseRegExp(list));
    }
    return cache.get(key) ?? null;
  };

  return {
    name: 'word_list',
    run(input: StageInput): Finding[] {
      const { block, hold, censor } = input.policy.wordLists;
      const findings: Finding[] = [];
      const scan = (list: string[], make: (start: number, end: number) => Finding) => {
        const re = regexFor(list);
        if (!re) return;
        re.lastIndex = 0;
        for (const m of input.text.matchAll(re)) findings.push(make(m.index, m.index + m[0].length));
      };
      scan(block, (start, end) => ({
        stage: 'word_list', type: 'WORD_LIST', start, end, score: 1, rule: 'WORDLIST_BLOCK', action: 'reject',
        message: 'It contains language this community does not allow.',
      }));
      scan(hold, (start, end) => ({
        stage: 'word_list', type: 'WORD_LIST', start, end, score: 0.7, rule: 'WORDLIST_HOLD', action: 'hold',
        message: 'It contains a word or phrase this community reviews before publishing.',
      }));
      scan(censor, (start, end) => ({
        stage: 'word_list', type: 'WORD_LIST', start, end, score: 0.5, rule: 'WORDLIST_CENSOR', action: 'redact',
        replacement: '*'.repeat(Math.max(3, end - start)),
        message: 'Some words were replaced with asterisks under this community\u2019s language rules.',
      }));
      return findings;
    },
  };
}
