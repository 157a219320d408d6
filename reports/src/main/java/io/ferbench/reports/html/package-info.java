/**
 * The HTML comparison report, {@code report.html}: one self-contained file that opens offline, built
 * from results alone by {@link io.ferbench.reports.html.ComparisonReport} from one or more
 * {@link io.ferbench.reports.html.RunFolder}s.
 *
 * <p>The Java side computes everything the page shows (one class per section: {@code Header},
 * {@code Leaderboard}, {@code FrameworkComparison}, {@code CellDetails}, {@code Sweeps},
 * {@code DatasetViews}, gathered in {@code ReportData}) and inlines it as JSON ({@code ScriptJson}); the
 * page script ({@code report.js}) only lays it out, with Apache ECharts for the charts, building the DOM
 * from text nodes so that no string from a suite, a dataset folder or an error is ever read as HTML.
 * t-SNE embeddings of the cells' features are computed in Java and cached ({@link io.ferbench.reports.html.TsneEmbeddings}).
 */
package io.ferbench.reports.html;
