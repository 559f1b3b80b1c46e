/**
 * Where a 1-D stationary law is tabulated: `points` nodes from `from` to `to`, evenly spaced in x
 * (`"linear"`), in ln x (`"log"`, needs 0 < from < to; reaches down to ~1e-300 so that mass piled up near
 * 0, e.g. just below a collapse temperature, is resolved) or in u = asinh((x - center)/scale) (`"sinh"`:
 * fine near `center`, geometric in both tails, so power-law tails on the whole line are resolved and
 * their analytic continuation is exact).
 */
export interface LawGrid {
  from: number;
  to: number;
  points: number;
  spacing: "linear" | "log" | "sinh";
  /** Centre and scale of the sinh map (`"sinh"` only). */
  center?: number;
  scale?: number;
}

/** The grid coordinate u of x, and its inverse. */
export interface Coordinate {
  kind: LawGrid["spacing"];
  center: number;
  scale: number;
}

/** u(x) for a coordinate (ln x, asinh((x - c)/a) or x). @example toCoordinate(c, 1) */
export function toCoordinate(c: Coordinate, x: number): number {
  if (c.kind === "log") return x > 0 ? Math.log(x) : Number.NEGATIVE_INFINITY;
  if (c.kind === "sinh") return Math.asinh((x - c.center) / c.scale);
  return x;
}

/** x(u), the inverse of {@link toCoordinate}. @example fromCoordinate(c, 0) */
export function fromCoordinate(c: Coordinate, u: number): number {
  if (c.kind === "log") return Math.exp(u);
  if (c.kind === "sinh") return c.center + c.scale * Math.sinh(u);
  return u;
}

/** ln(dx/du), the Jacobian that turns p(x) into the density f(u) = p(x) dx/du. @example logJacobian(c, u) */
export function logJacobian(c: Coordinate, u: number): number {
  if (c.kind === "log") return u;
  if (c.kind === "sinh") return Math.log(c.scale * Math.cosh(u));
  return 0;
}

/** The coordinate of a grid. @example coordinateOf({ from: 1, to: 2, points: 3, spacing: "log" }).kind */
export function coordinateOf(grid: LawGrid): Coordinate {
  return { kind: grid.spacing, center: grid.center ?? 0, scale: grid.scale ?? 1 };
}

/**
 * The grid's coordinate u at its nodes (u = x, or u = ln x) and the nodes x.
 *
 * @example gridNodes({ from: 1e-300, to: 1e3, points: 4001, spacing: "log" }).x[0] // 1e-300
 */
export function gridNodes(grid: LawGrid): { u: Float64Array; x: Float64Array } {
  const c = coordinateOf(grid);
  if (!(grid.points >= 3 && grid.to > grid.from && (c.kind !== "log" || grid.from > 0) && c.scale > 0))
    throw new RangeError(
      `law grid: need points >= 3, from < to (and from > 0 for log), got ${JSON.stringify(grid)}`,
    );
  const u0 = toCoordinate(c, grid.from);
  const u1 = toCoordinate(c, grid.to);
  const u = new Float64Array(grid.points);
  const x = new Float64Array(grid.points);
  for (let i = 0; i < grid.points; i++) {
    u[i] = u0 + ((u1 - u0) * i) / (grid.points - 1);
    x[i] = fromCoordinate(c, u[i]);
  }
  x[0] = grid.from;
  x[grid.points - 1] = grid.to;
  return { u, x };
}
