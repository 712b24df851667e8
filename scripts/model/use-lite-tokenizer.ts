/**
 * tokenizer.json (Hugging Face tokenizers format, Unigram model) reproducing the USE-lite
 * SentencePiece tokenizer of @energetic-ai/embeddings / tfjs-models:
 *   NFKC, then U+2581 prepended and every ' ' replaced by U+2581, then Viterbi over piece scores,
 *   unknown characters -> id 0, consecutive unknowns fused, no special tokens added.
 * Differences handled here:
 *   - the reference never matches the 6 reserved entries (ids 0-5: '\ufffd', '<s>', '</s>',
 *     'extra_token_id_1..3'); they get a score so low that no segmentation picks them.
 *   - null scores in vocab.json act as 0 in the reference (null + x === x); written as 0.
 *   - the reference Viterbi treats a best score of exactly 0 as "unset", so a path made only of
 *     zero-score pieces from the start is dropped. The only pieces that can start such a path are
 *     the zero-score '\u2581:', '\u2581:)', '\u2581:(', '\u2581:-)': at the very start of a text the reference
 *     never picks them and emits '\u2581' alone. A Split pre-tokenizer isolates that leading '\u2581' when
 *     ':' follows, which gives the same ids (e.g. ':) thanks' -> [30, 57, 52, 2478]).
 */
export const RESERVED = 6;
export const RESERVED_SCORE = -1000;

export function buildTokenizerJson(vocab: Array<[string, number | null]>, maxLength: number): Record<string, unknown> {
  return {
    version: '1.0',
    truncation: { direction: 'Right', max_length: maxLength, strategy: 'LongestFirst', stride: 0 },
    padding: null,
    added_tokens: [],
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFKC' },
        { type: 'Prepend', prepend: '\u2581' },
        { type: 'Replace', pattern: { String: ' ' }, content: '\u2581' },
      ],
    },
    pre_tokenizer: { type: 'Split', pattern: { Regex: '\\A\u2581(?=:)' }, behavior: 'Isolated', invert: false },
    post_processor: null,
    decoder: { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true },
    model: {
      type: 'Unigram',
      unk_id: 0,
      byte_fallback: false,
      vocab: vocab.map(([piece, score], i) => [piece, i < RESERVED && i > 0 ? RESERVED_SCORE : (score ?? 0)]),
    },
  };
}

export function buildTokenizerConfig(maxLength: number): Record<string, unknown> {
  return {
    tokenizer_class: 'PreTrainedTokenizerFast',
    model_max_length: maxLength,
    unk_token: '\ufffd',
    pad_token: '\ufffd',
    padding_side: 'right',
    truncation_side: 'right',
    clean_up_tokenization_spaces: false,
    add_prefix_space: false,
  };
}
