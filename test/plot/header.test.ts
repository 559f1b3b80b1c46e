import { describe, expect, it } from "vitest";
import { defaultTitle, escapeXml, formatNumber, sourceStyles, specSummary } from "../../src/plot/index.js";

describe("specSummary and defaultTitle", () => {
  it("summarises scalars and named objects, skipping arrays and deep nesting", () => {
    const spec = {
      experiment: "spiked-tensor",
      model: { name: "spiked-tensor", p: 3, N: 1000, prior: { kind: "x" } },
      lr: 1 / 3,
      grid: [1, 2, 3],
      exact: true,
    };
    expect(specSummary(spec)).toBe("model: spiked-tensor (p=3, N=1000) · lr=0.3333 · exact=true");
    expect(defaultTitle(spec)).toBe("spiked-tensor");
  });

  it("is defensive about missing or odd specs", () => {
    expect(specSummary(undefined)).toBe("");
    expect(defaultTitle({ name: 3 })).toBe("sgdlab experiment");
    expect(specSummary({ model: null, optimizer: { lr: 0.1 } })).toBe("optimizer (lr=0.1)");
  });
});

describe("escapeXml and formatNumber", () => {
  it("escapes the five XML special characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("formats integers, decimals and non-finite values", () => {
    expect(formatNumber(1000)).toBe("1000");
    expect(formatNumber(1 / 3, 3)).toBe("0.333");
    expect(formatNumber(1.23456789e-7)).toBe("1.23457e-7");
    expect([Number.NaN, Number.NEGATIVE_INFINITY, null].map((v) => formatNumber(v))).toEqual([
      "NaN",
      "−∞",
      "—",
    ]);
  });
});

describe("sourceStyles", () => {
  it("fixes the known sources and gives other theories distinct colours and dashes", () => {
    const series = ["dmft", "simulation", "ode", "sde", "gradient-flow"].map((source) => ({
      source,
      t: [],
      values: {},
    }));
    const styles = sourceStyles({ series });
    expect([...styles.keys()]).toEqual(["simulation", "dmft", "ode", "sde", "gradient-flow"]);
    expect(styles.get("simulation")?.color).toBe("#1a1a1a");
    expect(styles.get("gradient-flow")?.dash).toBe("7 4");
    expect(styles.get("dmft")?.color).not.toBe(styles.get("sde")?.color);
    expect(styles.get("dmft")?.dash).not.toBe(styles.get("sde")?.dash);
  });
});
