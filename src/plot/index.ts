export { plotDocument } from "./dom.js";
export { escapeXml, formatNumber } from "./escape.js";
export { type FigureOptions, figureStatistics, recordFigure } from "./figure.js";
export { defaultTitle, specSummary } from "./header.js";
export { recordReport } from "./report.js";
export { fontFamily, type SourceStyle, sourceStyles } from "./styles.js";
