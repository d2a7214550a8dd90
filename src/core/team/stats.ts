// Chance-corrected agreement coefficients on nominal labels.
//   Cohen's kappa: κ = (p_o − p_e) / (1 − p_e), p_e = Σ_k p_A(k)·p_B(k)  (Cohen 1960, Educ. Psychol. Meas. 20(1)).
//   Krippendorff's alpha, nominal: α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, from the coincidence matrix
//   o_ck = Σ_u (pairs of values c,k in unit u) / (m_u − 1), units with fewer than two values left out
//   (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", section on nominal data).
// Both are undefined (null) when there is no variation to correct for.

/** Cohen's kappa from a square matrix of counts: m[i][j] = items a labelled i and b labelled j. */
export function cohenKappa(m: readonly (ArrayLike<number>)[]): number | null {
  const k = m.length;
  let total = 0;
  let agree = 0;
  const row = new Array<number>(k).fill(0);
  const col = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const n = m[i][j];
      total += n;
      row[i] += n;
      col[j] += n;
      if (i === j) agree += n;
    }
  }
  if (!total) return null;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (row[i] / total) * (col[i] / total);
  if (1 - pe < 1e-12) return null;
  return (agree / total - pe) / (1 - pe);
}

/** A k×k matrix of zeros. */
export function squareMatrix(k: number): Float64Array[] {
  return Array.from({ length: k }, () => new Float64Array(k));
}

/** Coincidences of nominal values over units; feed units one at a time, then read alpha. */
export class Coincidences {
  /** o_ck, keyed "c\u0000k". */
  private readonly o = new Map<string, number>();

  /** One unit: the values the annotators gave it (missing values left out). */
  addUnit(values: readonly string[]): void {
    const m = values.length;
    if (m < 2) return;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs) this.bump(c, k, pairs / (m - 1));
      }
    }
  }

  /** Adds `times` identical units at once (many tokens share the same pattern of labels). */
  addUnits(values: readonly string[], times: number): void {
    if (times <= 0 || values.length < 2) return;
    const before = new Coincidences();
    before.addUnit(values);
    for (const [key, n] of before.o) this.o.set(key, (this.o.get(key) ?? 0) + n * times);
  }

  alpha(): number | null {
    const nc = new Map<string, number>();
    let n = 0;
    let disagree = 0;
    for (const [key, v] of this.o) {
      const [c, k] = key.split('\u0000');
      nc.set(c, (nc.get(c) ?? 0) + v);
      n += v;
      if (c !== k) disagree += v;
    }
    let expected = 0;
    let sum = 0;
    let sumSq = 0;
    for (const v of nc.values()) {
      sum += v;
      sumSq += v * v;
    }
    expected = sum * sum - sumSq; // Σ_{c≠k} n_c·n_k
    if (n <= 1 || expected <= 0) return null;
    return 1 - ((n - 1) * disagree) / expected;
  }

  private bump(c: string, k: string, v: number): void {
    const key = `${c}\u0000${k}`;
    this.o.set(key, (this.o.get(key) ?? 0) + v);
  }
}

export interface Prf {
  matched: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Precision/recall/F1 of `b` against `a` taken as the reference, from one-to-one matches. */
export function prf(matched: number, a: number, b: number): Prf {
  const precision = b ? matched / b : null;
  const recall = a ? matched / a : null;
  const f1 = a + b ? (2 * matched) / (a + b) : null;
  return { matched, precision, recall, f1 };
}
