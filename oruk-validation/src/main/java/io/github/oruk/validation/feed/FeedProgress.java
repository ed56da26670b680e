package io.github.oruk.validation.feed;

import java.time.Duration;

/**
 * How far a live-feed check is, told to the listener given to {@link FeedValidator.Builder#progress} while
 * the check runs.
 *
 * @param step what is being checked, such as {@code /services/{id}} or {@code the filter tests (/services)}
 * @param requestsDone requests answered, or failed, so far
 * @param waiting requests sent and not answered yet
 * @param longestWait how long the oldest of those has waited (zero when none is waiting)
 * @param elapsed time since the check started
 * @param timeLimit the time the whole check may take
 */
public record FeedProgress(String step, int requestsDone, int waiting, Duration longestWait, Duration elapsed,
    Duration timeLimit) {
}
