import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { IncrementalQr } from "../../../src/theory/dmft/incremental-qr.js";
import { momentMatchedNormals } from "../../../src/theory/dmft/moment-matched.js";

describe("incremental QR with re-orthogonalisation", () => {
  it("reproduces the Gram matrix R^T R = U^T U for nearly dependent and zero vectors", () => {
    const S = 200;
    const rng = Rng.fromSeed(3);
    const base = new Float64Array(S);
    rng.fillNormal(base);
    const us: Float64Array[] = [];
    const qr = new IncrementalQr(S);
    const rs: Float64Array[] = [];
    for (let t = 0; t < 8; t++) {
      // u_t = base + 1e-10 noise (nearly dependent), and one exactly zero vector.
      const u = new Float64Array(S);
      rng.fillNormal(u);
      for (let i = 0; i < S; i++) u[i] = t === 4 ? 0 : base[i] + 1e-10 * u[i];
      us.push(u);
      rs.push(qr.push(u));
    }
    for (let a = 0; a < 8; a++)
      for (let b = 0; b <= a; b++) {
        let gram = 0;
        for (let i = 0; i < S; i++) gram += us[a][i] * us[b][i];
        let rr = 0;
        for (let k = 0; k <= b; k++) rr += rs[a][k] * rs[b][k];
        // Rounding of O(|u|^2 = S) sums: 1e-12 relative.
        expect(Math.abs(gram - rr)).toBeLessThan(1e-12 * S);
      }
  });

  it("moment-matched normals have empirical second moments exactly the identity", () => {
    const S = 500;
    const cols = momentMatchedNormals(Rng.fromSeed(1), S, 6);
    for (let a = 0; a < 6; a++) {
      let mean = 0;
      for (let i = 0; i < S; i++) mean += cols[a][i] / S;
      expect(Math.abs(mean)).toBeLessThan(1e-14);
      for (let b = 0; b <= a; b++) {
        let m2 = 0;
        for (let i = 0; i < S; i++) m2 += (cols[a][i] * cols[b][i]) / S;
        expect(Math.abs(m2 - (a === b ? 1 : 0))).toBeLessThan(1e-13);
      }
    }
  });
});
