package io.github.oruk.testkit.feed;

/** What answers a request to a fake feed; faults are responders that wrap another. */
interface Responder {

  /**
   * The answer to a GET.
   *
   * @param path the path below the feed's base, percent-decoded, without slashes at either end ("" for the base)
   * @param rawQuery the query string, still percent-encoded; null when there is none
   */
  Answer answer(String path, String rawQuery) throws InterruptedException;
}
