/** The reports' own styles, on top of the settings stylesheet (served as a file: the CSP allows no inline style). */
export const REPORTS_CSS = `
.reports { max-width: 1200px; }
.report-form { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin: 1rem 0; }
.report-form fieldset { display: flex; flex-wrap: wrap; gap: .75rem; }
.report-section { border-top: 1px solid #d8dce3; padding-top: 1rem; margin-top: 1.5rem; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0 0 1rem; }
.figure { min-width: 12rem; padding: .5rem .75rem; border: 1px solid #d8dce3; border-radius: 6px; }
.figure dt { font-size: .85rem; color: #555; }
.figure dd { margin: 0; }
.figure .value { font-size: 1.5rem; font-weight: 600; }
.trend { display: block; font-size: .8rem; color: #555; }
.trend.better { color: #1e7a4f; }
.trend.worse { color: #b3261e; }
.chart-and-tables { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.chart svg { max-width: 100%; height: auto; }
.chart svg text { font: 12px sans-serif; }
.report-table table { border-collapse: collapse; font-size: .85rem; }
.report-table caption { text-align: left; font-weight: 600; }
.report-table th, .report-table td { border: 1px solid #d8dce3; padding: .2rem .5rem; text-align: right; }
.report-table th:first-child, .report-table td:first-child { text-align: left; }
.csv { font-size: .8rem; }
.section-note { font-size: .85rem; color: #555; margin: 0 0 .75rem; }
.notice { padding: .75rem; border: 1px solid #b3261e; border-radius: 6px; }
`;
