package io.github.oruk.model.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryTest {

  @Test
  void encodesSpacesUnicodeAndReservedCharacters() {
    Query query = Query.builder().search("café & crèche").postcode("BS1 4DJ").proximity(2000).perPage(50).build();

    assertEquals("search=caf%C3%A9%20%26%20cr%C3%A8che&per_page=50&postcode=BS1%204DJ&proximity=2000",
        query.toQueryString());
  }

  @Test
  void extrasRepeatAParameterOrAddAVendorOneAfterTheStandardOnes() {
    Query query = Query.builder().taxonomyTermId("a").extra("taxonomy_term_id", "b", "c d")
        .extra("café", "x&y=z").perPage(10).build();

    assertEquals("per_page=10&taxonomy_term_id=a&taxonomy_term_id=b&taxonomy_term_id=c%20d&caf%C3%A9=x%26y%3Dz",
        query.toQueryString());
    assertEquals(query, query.toBuilder().build());
    assertEquals(query.toQueryString().replace("per_page=10", "page=2&per_page=10"), query.withPage(2).toQueryString());
    assertEquals(Set.of(Parameter.PER_PAGE, Parameter.TAXONOMY_TERM_ID), query.parameters(),
        "extras are not standard parameters");
    assertEquals(List.of(), Query.parse(Endpoint.SERVICES, "taxonomy_term_id=a").extras(), "a server never fills them");
    assertThrows(IllegalArgumentException.class, () -> Query.builder().extra(" ", "x"));
    assertThrows(IllegalArgumentException.class, () -> Query.builder().extra("x"));
    assertThrows(UnsupportedOperationException.class, () -> query.extras().add(new Query.Extra("x", "y")));
  }

  @Test
  void everyParameterSurvivesARoundTrip() {
    Query query = Query.builder().search("food").page(3).perPage(25).format(Query.Format.NDJSON)
        .taxonomyTermId("t 1").taxonomyId("x/y").organizationId("o?1")
        .modifiedAfter(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC))
        .minimal(true).full(false).minimumAge(5).maximumAge(new BigDecimal("17.5"))
        .startTime(LocalTime.of(9, 0)).endTime(LocalTime.of(17, 30, 15)).day(DayOfWeek.SATURDAY)
        .build();

    assertEquals(query, Query.parse(Endpoint.SERVICES, query.toQueryString()));
    Query places = Query.builder().postcode("M1 1AE").proximity(new BigDecimal("1500.5")).build();
    assertEquals(places, Query.parse(Endpoint.SERVICE_AT_LOCATIONS, places.toQueryString()));
    Query terms = Query.builder().topOnly(true).parentId("p").taxonomyId("t").build();
    assertEquals(terms, Query.parse(Endpoint.TAXONOMY_TERMS, terms.toQueryString()));
  }

  @Test
  void parsingAcceptsTheFormsBrowsersAndPeopleSend() {
    Query query = Query.parse(Endpoint.SERVICES,
        "search=food+bank&day=sa&minimal=TRUE&modified_after=2024-06-01&page=&start_time=09:00");

    assertEquals("food bank", query.search());
    assertEquals(DayOfWeek.SATURDAY, query.day());
    assertEquals(Boolean.TRUE, query.minimal());
    assertEquals(OffsetDateTime.of(2024, 6, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1)), query.modifiedAfter());
    assertNull(query.page(), "an empty value counts as absent");
  }

  @Test
  void parsingRefusesWhatItCannotUnderstandAndNamesTheParameter() {
    assertRefused(Endpoint.SERVICES, "page=0", "page", "whole number");
    assertRefused(Endpoint.SERVICES, "page=-1", "page", "whole number");
    assertRefused(Endpoint.SERVICES, "page=99999999999", "page", "whole number");
    assertRefused(Endpoint.SERVICES, "per_page=ten", "per_page", "whole number");
    assertRefused(Endpoint.SERVICES, "minimal=yes", "minimal", "true or false");
    assertRefused(Endpoint.SERVICES, "modified_after=yesterday", "modified_after", "date-time");
    assertRefused(Endpoint.SERVICES, "start_time=9am", "start_time", "HH:MM");
    assertRefused(Endpoint.SERVICES, "day=funday", "day", "day code");
    assertRefused(Endpoint.SERVICES, "minimum_age=-3", "minimum_age", "age");
    assertRefused(Endpoint.SERVICES, "format=xml", "format", "json or ndjson");
    assertRefused(Endpoint.SERVICES, "search=a&search=b", "search", "more than once");
    assertRefused(Endpoint.SERVICES, "colour=red", "colour", "not an ORUK query parameter");
    assertRefused(Endpoint.SERVICES, "postcode=BS1", "postcode", "/service_at_locations");
    assertRefused(Endpoint.TAXONOMIES, "taxonomy_id=x", "taxonomy_id", "it takes search, page");
    assertRefused(Endpoint.SERVICES, "search=%E2%28", "search", "UTF-8");
    assertRefused(Endpoint.SERVICES, "search=100%", "search", "percent-encoded");
  }

  @Test
  void datesOutsideFourDigitYearsAreRefusedAndTheEdgesAreRead() {
    for (String date : List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z",
        "-0001-12-31T23:59:59Z", "%2B999999999-12-31T23:59:59", "%2B999999999-12-31", "-999999999-01-01")) {
      assertRefused(Endpoint.SERVICES, "modified_after=" + date, "modified_after", "four-digit year");
    }
    assertEquals(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.ofHours(-18)),
        Query.parse(Endpoint.SERVICES, "modified_after=9999-12-31T23:59:59-18:00").modifiedAfter());
    assertEquals(OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(18)),
        Query.parse(Endpoint.SERVICE_AT_LOCATIONS, "modified_after=0000-01-01T00:00:00%2B18:00").modifiedAfter());
    assertEquals(9999, Query.parse(Endpoint.SERVICES, "modified_after=9999-12-31").modifiedAfter().getYear());
  }

  @Test
  void numbersWithHugeExponentsAreRefusedOrKeptShort() {
    for (String number : List.of("1e-999999999", "1e-2147483647", "1e-2147483648", "1e2147483647", "1e-21", "NaN",
        "Infinity", "-Infinity", "0x10", "1_000", "1000000000.000000001")) {
      assertRefused(Endpoint.SERVICES, "minimum_age=" + number, "minimum_age", "decimal places");
      assertRefused(Endpoint.SERVICE_AT_LOCATIONS, "postcode=BS1%204DJ&proximity=" + number, "proximity", "metres");
    }
    Query zero = Query.parse(Endpoint.SERVICES, "maximum_age=0e-2147483647&minimum_age=1e-20");
    assertEquals(0, zero.maximumAge().signum());
    assertEquals("minimum_age=0.00000000000000000001&maximum_age=0", zero.toQueryString(),
        "written out in full, and short");
    assertEquals(0, new BigDecimal("1000000000").compareTo(Query.parse(Endpoint.SERVICES, "minimum_age=1e9").minimumAge()));

    Query built = Query.builder().maximumAge(new BigDecimal("1e-999999999")).build();
    assertEquals("maximum_age=1E-999999999", built.toQueryString(), "a built query keeps the exponent");
  }

  @Test
  void clientsLearnEarlyWhenAParameterDoesNotApply() {
    Query query = Query.builder().postcode("BS1 4DJ").build();
    assertEquals(query, query.requireApplicableTo(Endpoint.SERVICE_AT_LOCATIONS));
    InvalidQueryException refused = assertThrows(InvalidQueryException.class,
        () -> query.requireApplicableTo(Endpoint.SERVICES));
    assertEquals("postcode", refused.parameter());
  }

  @Test
  void numbersOutOfRangeAreRefusedWhenBuilt() {
    assertThrows(IllegalArgumentException.class, () -> Query.builder().page(0).build());
    assertThrows(IllegalArgumentException.class, () -> Query.builder().perPage(0).build());
    assertThrows(IllegalArgumentException.class, () -> Query.builder().proximity(-1).build());
  }

  /** per_page is checked in one place: the builder and the parser refuse a bad size with one message. */
  @Test
  void perPageHasOneRuleAndOneMessage() {
    String expected = "'per_page' must be a whole number from 1 to 2147483647; got '0'.";
    InvalidQueryException built = assertThrows(InvalidQueryException.class, () -> Query.builder().perPage(0).build());
    assertEquals(expected, built.getMessage());
    assertEquals("per_page", built.parameter());
    InvalidQueryException parsed = assertThrows(InvalidQueryException.class,
        () -> Query.parse(Endpoint.SERVICES, "per_page=0"));
    assertEquals(expected, parsed.getMessage());
    assertEquals("per_page", parsed.parameter());
    assertEquals("'per_page' must be a whole number from 1 to 2147483647; got '3000000000'.",
        assertThrows(InvalidQueryException.class, () -> Query.parse(Endpoint.SERVICES, "per_page=3000000000"))
            .getMessage());
    assertEquals(Integer.MAX_VALUE, Query.parse(Endpoint.SERVICES, "per_page=2147483647").perPage());
  }

  /** One value read as the parser reads it, with no query string to build, named as the caller names it. */
  @Test
  void parseValueReadsOneParameterAndNamesItAsAsked() {
    assertEquals(OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, ZoneOffset.UTC),
        Query.parseValue(Parameter.MODIFIED_AFTER, "2024-05-01T09:30", "DATE").modifiedAfter().toInstant()
            .atOffset(ZoneOffset.UTC));
    assertEquals(Query.all(), Query.parseValue(Parameter.MODIFIED_AFTER, "", "DATE"), "empty is absent");
    InvalidQueryException refused = assertThrows(InvalidQueryException.class,
        () -> Query.parseValue(Parameter.MODIFIED_AFTER, "last tuesday", "DATE"));
    assertEquals("modified_after", refused.parameter());
    assertEquals("DATE must be a date-time with a four-digit year, such as 2024-05-01T09:30:00Z (or a date, read as"
        + " midnight UK time); got 'last tuesday'.", refused.getMessage());
    assertEquals("'day' must be a day code: MO, TU, WE, TH, FR, SA or SU; got 'someday'.",
        assertThrows(InvalidQueryException.class, () -> Query.parse(Endpoint.SERVICES, "day=someday")).getMessage());
  }

  @Test
  void pathsEncodeIdentifiersAsOneSegment() {
    assertEquals("/services/a%2Fb%20c", Endpoint.SERVICE.path("a/b c"));
    assertEquals(Endpoint.SERVICES, Endpoint.SERVICE.listEndpoint());
    assertThrows(IllegalArgumentException.class, () -> Endpoint.SERVICES.path("x"));
  }

  private static void assertRefused(Endpoint endpoint, String raw, String parameter, String hint) {
    InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> Query.parse(endpoint, raw), raw);
    assertEquals(parameter, refused.parameter(), raw);
    assertTrue(refused.getMessage().contains(hint), raw + " -> " + refused.getMessage());
  }
}
