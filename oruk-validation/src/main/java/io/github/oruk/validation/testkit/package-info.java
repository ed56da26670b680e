/** The test kit's compliance checker, provided by this module. */
package io.github.oruk.validation.testkit;
