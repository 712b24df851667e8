/** Binary classification metrics for MISINFO (positive) vs OK. */
export interface Metrics {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  /** NaN when only one class is present. */
  rocAuc: number;
}

export function metrics(scores: number[], labels: ArrayLike<number>, threshold: number): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  scores.forEach((s, i) => {
    const pos = labels[i] === 1;
    const pred = s >= threshold;
    if (pred && pos) tp++;
    else if (pred) fp++;
    else if (pos) fn++;
    else tn++;
  });
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { n: scores.length, positives: tp + fn, tp, fp, fn, tn, precision, recall, f1, rocAuc: rocAuc(scores, labels) };
}

/** Area under the ROC curve by the rank-sum (Mann-Whitney) formula, ties counted half. */
export function rocAuc(scores: number[], labels: ArrayLike<number>): number {
  const idx = scores.map((s, i) => ({ s, pos: labels[i] === 1 })).sort((a, b) => a.s - b.s);
  const nPos = idx.filter((e) => e.pos).length;
  const nNeg = idx.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && idx[j]!.s === idx[i]!.s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (idx[k]!.pos) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

export function fmt(m: Metrics): string {
  const p = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
  return `n=${m.n} pos=${m.positives} P=${p(m.precision)} R=${p(m.recall)} F1=${p(m.f1)} AUC=${p(m.rocAuc)}`;
}
