/** Example: a JDBC-backed ORUK publisher. */
package io.github.oruk.examples.jdbc;
