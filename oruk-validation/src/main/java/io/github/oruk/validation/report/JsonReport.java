package io.github.oruk.validation.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.validation.EndpointResult;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.NotChecked;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.rule.RuleInfo;
import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The JSON report. Its shape is part of the module's API (documented in the README); fields are only ever
 * added. Property names are snake_case like the standard's.
 */
final class JsonReport {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonReport() {
  }

  static ObjectNode tree(ValidationReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("verdict", report.verdict().label());
    root.put("target", report.target());
    root.put("kind", report.kind());
    root.put("profile", report.profile());
    root.put("started", report.started().toString());
    root.put("duration_ms", report.duration().toMillis());
    root.put("documents", report.documents());
    root.put("records", report.records());
    ObjectNode totals = root.putObject("totals");
    report.bySeverity().forEach((severity, count) -> totals.put(severity.label(), count));
    ObjectNode categories = root.putObject("categories");
    report.byCategory().forEach((category, count) -> categories.put(category.label(), count));
    ArrayNode endpoints = root.putArray("endpoints");
    for (EndpointResult endpoint : report.endpoints()) {
      endpoints.addObject()
          .put("path", endpoint.path())
          .put("level", endpoint.level())
          .put("status", endpoint.status())
          .put("requests", endpoint.requests())
          .put("median_ms", endpoint.medianMillis())
          .put("errors", endpoint.errors())
          .put("warnings", endpoint.warnings());
    }
    ArrayNode notChecked = root.putArray("not_checked");
    for (NotChecked item : report.notChecked()) {
      notChecked.addObject().put("what", item.what()).put("because", item.because());
    }
    ObjectNode quality = root.putObject("quality");
    quality.put("services", report.quality().services());
    quality.put("mean_richness", Math.round(report.quality().meanRichness() * 10) / 10.0);
    ArrayNode histogram = quality.putArray("richness_histogram");
    report.quality().richnessHistogram().forEach(histogram::add);
    ObjectNode freshness = quality.putObject("freshness");
    report.quality().freshness().forEach(freshness::put);
    ObjectNode weakest = quality.putObject("most_missing");
    report.quality().weakestFeatures().forEach(weakest::put);
    ArrayNode checks = root.putArray("checks");
    for (RuleInfo check : report.checks()) {
      checks.addObject()
          .put("code", check.code())
          .put("title", check.title())
          .put("category", check.category().label())
          .put("severity", check.severity().label());
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : report.findings()) {
      ObjectNode node = findings.addObject()
          .put("code", finding.code())
          .put("severity", finding.severity().label())
          .put("category", finding.category().label())
          .put("message", finding.message());
      putIfPresent(node, "url", finding.url());
      putIfPresent(node, "pointer", finding.pointer());
      putIfPresent(node, "record_id", finding.recordId());
      report.name(finding).ifPresent(name -> {
        putIfPresent(node, "record_name", name.name());
        putIfPresent(node, "organization_id", name.organizationId());
        putIfPresent(node, "organization_name", name.organizationName());
      });
      putIfPresent(node, "observed", finding.observed());
      putIfPresent(node, "fix", finding.fix());
    }
    return root;
  }

  static void write(ValidationReport report, OutputStream out) throws IOException {
    JSON.writeValue(out, tree(report));
    out.write('\n');
  }

  private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      node.put(name, value);
    }
  }
}
