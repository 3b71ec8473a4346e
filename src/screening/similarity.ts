// String distances used by the token comparer. Hand-written because they sit on the hot path and must
// allocate nothing per call beyond two small rows.

let prevPrev = new Int32Array(64);
let prev = new Int32Array(64);
let cur = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), stopping early once the
 * distance must exceed `max`; then it returns `max + 1`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 1 > cur.length) {
    prevPrev = new Int32Array(m * 2 + 2);
    prev = new Int32Array(m * 2 + 2);
    cur = new Int32Array(m * 2 + 2);
  }
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, prevPrev[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Edits tolerated for a token of this length: none for short tokens, more for long ones. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 10) return 2;
  return 3;
}

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  const aMatch = new Uint8Array(n);
  const bMatch = new Uint8Array(m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(m - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (bMatch[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatch[i] = 1;
      bMatch[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / n + matches / m + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < n && prefix < m && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
