package io.github.oruk.testkit.generate;

/**
 * How {@link NearDuplicates} changed one copy of a service, so that a test can see which variations its
 * de-duplication survives. Every copy also gets ids of its own (the service's, its locations' and their
 * addresses'), as a second publisher's records would.
 */
public enum Variation {
  /** One typing slip in the name (two letters swapped, one dropped, doubled or replaced). */
  NAME_TYPO,
  /** A common abbreviation in the name or the street: Centre as Ctr, Street as St, Road as Rd, and so on. */
  ABBREVIATION,
  /** {@code and} written as {@code &} in the name, or the other way round. */
  AMPERSAND,
  /** The name's words in another order ("Oakfield Food Bank" as "Food Bank, Oakfield"). */
  WORD_ORDER,
  /** The name in capitals or in lower case. */
  NAME_CASE,
  /** The phone number written another way: {@code +44 117 496 0123}, {@code (0117) 4960123}, ... */
  PHONE_FORMAT,
  /** The phone number held elsewhere: on the service, on its first location or on a contact. */
  PHONE_MOVED,
  /** The postcode written another way: lower case, without its space, with two spaces. */
  POSTCODE_FORMAT,
  /** The coordinates geocoded again, up to about 80 m away. */
  COORDINATES_MOVED,
  /** Some fields left out: e-mail, web address, phone, coordinates, addresses, description, organization. */
  FIELDS_MISSING
}
