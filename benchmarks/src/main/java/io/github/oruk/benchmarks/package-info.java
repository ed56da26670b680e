/** JMH benchmarks; run {@code java -jar benchmarks/target/benchmarks.jar [pattern]}. */
package io.github.oruk.benchmarks;
