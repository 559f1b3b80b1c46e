import { describe, expect, it } from "vitest";
import { shortPermalink, specFromFragment, specPermalink } from "../../web/src/permalink.js";

const spec = {
  title: "Équateur — snr < λc, ünïcode survives",
  model: { name: "spiked-tensor", k: 2, N: 1000, snr: 0.5 },
  theory: ["diffusive", "ode"],
};

describe("permalinks: #spec=<base64url of UTF-8 JSON>, and the compressed #z=", () => {
  it("writes #spec= as base64url of the UTF-8 JSON, no padding (built here independently)", () => {
    const expected = Buffer.from(JSON.stringify(spec), "utf8").toString("base64url");
    expect(specPermalink(spec)).toBe(`#spec=${expected}`);
  });

  it("reads #spec= with or without padding, and plain base64 too", async () => {
    const json = JSON.stringify(spec);
    const padded = Buffer.from(json).toString("base64"); // standard alphabet, with "=" padding
    expect(padded.endsWith("=")).toBe(true); // this spec's length is not a multiple of 3
    for (const encoded of [
      Buffer.from(json).toString("base64url"), // the documented form: url alphabet, no padding
      padded.replace(/\+/g, "-").replace(/\//g, "_"), // url alphabet, padded
      padded,
    ]) {
      expect(await specFromFragment(`#spec=${encoded}`)).toEqual(spec);
    }
  });

  it("round-trips the shortest form, compressed when that is shorter", async () => {
    const long = { ...spec, r: Array.from({ length: 200 }, (_, i) => i / 100) };
    const link = await shortPermalink(long);
    expect(link.startsWith("#z=")).toBe(true);
    expect(link.length).toBeLessThan(specPermalink(long).length);
    expect(await specFromFragment(link)).toEqual(long);
    const tiny = { model: { name: "cubic-map" } };
    expect(await shortPermalink(tiny)).toBe(specPermalink(tiny));
  });

  it("is undefined for other fragments and throws for a malformed one", async () => {
    for (const hash of ["", "#/", "#/records", "#spec", "#other=abc"])
      expect(await specFromFragment(hash)).toBeUndefined();
    await expect(
      specFromFragment(`#spec=${Buffer.from("{not json").toString("base64url")}`),
    ).rejects.toThrow();
    await expect(
      specFromFragment(`#spec=${Buffer.from([0xff, 0xfe, 0x7b]).toString("base64url")}`),
    ).rejects.toThrow();
    await expect(specFromFragment("#z=AAAA")).rejects.toThrow();
  });
});
