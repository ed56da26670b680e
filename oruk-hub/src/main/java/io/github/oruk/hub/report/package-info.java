/**
 * The management report a council pilot ends with: services by service type and by area (town and postcode
 * district), coverage gaps, freshness and richness, duplicates across feeds and change over time. The figures
 * are plain data ({@link io.github.oruk.hub.report.ReportFigures}), computed from a hub's store or from one
 * source's services; {@link io.github.oruk.hub.report.ManagementReport} renders them as an HTML page with inline
 * SVG charts, each with its numbers as a table and as CSV and JSON downloads.
 */
@NullMarked
package io.github.oruk.hub.report;

import org.jspecify.annotations.NullMarked;
