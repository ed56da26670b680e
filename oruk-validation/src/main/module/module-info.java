/**
 * The rule engine, live-feed checks, reports and the JUnit kit.
 *
 * <p>JUnit is {@code requires static}: only {@code io.github.oruk.validation.junit} needs it, and a test
 * that uses the kit has JUnit already. Built-in rules are declared here for the module path and in
 * {@code META-INF/services} for the class path; a test keeps the two lists equal.
 */
module io.github.oruk.validation {
  requires transitive io.github.oruk.model;
  requires transitive io.github.oruk.client;
  requires com.networknt.schema;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires java.xml;
  requires static org.junit.jupiter.api;
  requires static org.junit.platform.commons;
  requires static org.opentest4j;

  exports io.github.oruk.validation;
  exports io.github.oruk.validation.feed;
  exports io.github.oruk.validation.junit;
  exports io.github.oruk.validation.payload;
  exports io.github.oruk.validation.profile;
  exports io.github.oruk.validation.quality;
  exports io.github.oruk.validation.report;
  exports io.github.oruk.validation.rule;

  uses io.github.oruk.validation.rule.Rule;

  provides io.github.oruk.validation.rule.Rule with
      io.github.oruk.validation.payload.SchemaRule,
      io.github.oruk.validation.payload.UniqueIdRule,
      io.github.oruk.validation.payload.SiblingIdRule,
      io.github.oruk.validation.payload.NullValueRule,
      io.github.oruk.validation.payload.EmptyValueRule,
      io.github.oruk.validation.payload.ReferenceRule,
      io.github.oruk.validation.payload.MandatoryRule,
      io.github.oruk.validation.payload.ExtensionRule,
      io.github.oruk.validation.quality.ScheduleRule,
      io.github.oruk.validation.quality.AgeRule,
      io.github.oruk.validation.quality.GeoRule,
      io.github.oruk.validation.quality.ContactRule,
      io.github.oruk.validation.quality.PersonalDataRule,
      io.github.oruk.validation.quality.HtmlRule,
      io.github.oruk.validation.quality.FreshnessRule,
      io.github.oruk.validation.feed.HttpsRule,
      io.github.oruk.validation.feed.CorsRule,
      io.github.oruk.validation.feed.ContentTypeRule,
      io.github.oruk.validation.feed.ApiDetailsRule,
      io.github.oruk.validation.feed.EmptyListRule,
      io.github.oruk.validation.feed.PagingRule,
      io.github.oruk.validation.feed.RoundTripRule,
      io.github.oruk.validation.feed.FilterRule,
      io.github.oruk.validation.feed.SpeedRule;
}
