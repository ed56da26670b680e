package io.github.oruk.validation;

/**
 * Something the validation did not check, and why: nothing is passed silently.
 *
 * @param what the check or the part of the feed
 * @param because the reason, such as a limit that was reached
 */
public record NotChecked(String what, String because) {
}
