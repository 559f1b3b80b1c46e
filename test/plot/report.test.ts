import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { recordFigure, recordReport } from "../../src/plot/index.js";
import { syntheticRecord } from "./fixture.js";

function page(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function rows(doc: Document, table: string): string[][] {
  return Array.from(doc.querySelectorAll(`table.${table} tbody tr`)).map((tr) =>
    Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? ""),
  );
}

describe("recordReport", () => {
  const record = syntheticRecord();
  const html = recordReport(record, recordFigure(record));
  const doc = page(html);

  it("is a self-contained page with title, status badge and the inline figure", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(doc.querySelector("title")?.textContent).toBe("spiked-tensor — sgdlab");
    expect(doc.querySelector("h1 .badge")?.textContent).toBe("ok");
    expect(doc.querySelectorAll("figure svg g.sgdlab-panel").length).toBe(3);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
  });

  it("lists the scalars with their values", () => {
    expect(rows(doc, "scalars")).toEqual([
      ["lambdaC", "0.5"],
      ["escapeTime", "3.25"],
    ]);
  });

  it("has one agreement row per statistic and theory, with pass marks and the power verdict", () => {
    // The second entry has no detectable gap or scale (a record from before verdicts): "—", and its
    // verdict read from pass.
    expect(rows(doc, "agreement")).toEqual([
      ["m", "ode", "0.012", "3.5", "0.05", "0.09", "0.8", "0.01", "✓", "underpowered"],
      ["m", "gradient-flow", "0.21", "4", "0.05", "—", "—", "0.1", "✗", "DISAGREES"],
    ]);
    expect(doc.querySelectorAll("table.agreement tr.fail").length).toBe(1);
  });

  it("escapes the spec, which is shown as JSON", () => {
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const spec = JSON.parse(doc.querySelector("pre.spec")?.textContent ?? "");
    expect(spec).toEqual(record.spec);
  });

  it("shows the record's tables, provenance and timing", () => {
    expect(html).toContain("<h3>phases</h3>");
    const provenance = rows(doc, "provenance");
    expect(provenance).toContainEqual(["commit", "0123abc"]);
    expect(provenance).toContainEqual(["simulationSeconds", "1.25"]);
  });

  it("marks a failed run and escapes its messages", () => {
    const failed = syntheticRecord();
    failed.status = "diverged";
    failed.messages = ["run <3> diverged"];
    failed.scalars = {};
    const failedDoc = page(recordReport(failed, ""));
    expect(failedDoc.querySelector("h1 .badge.fail")?.textContent).toBe("diverged");
    expect(failedDoc.querySelector("ul.messages li")?.textContent).toBe("run <3> diverged");
    expect(failedDoc.querySelector("table.scalars")).toBeNull();
  });
});
